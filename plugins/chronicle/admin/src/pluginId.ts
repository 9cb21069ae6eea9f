export const PLUGIN_ID = 'chronicle';
