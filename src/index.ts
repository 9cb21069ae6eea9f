// The application itself adds nothing yet: the newsroom lives in the chronicle plugin.
export default {
  register() {},
  bootstrap() {},
};
