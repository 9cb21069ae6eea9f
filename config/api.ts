export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query and body parameters on Strapi's own Content API routes are a 400.
    strictParams: true,
  },
  documents: {
    // Unknown parameters to the Document Service throw instead of being ignored.
    strictParams: true,
  },
};
