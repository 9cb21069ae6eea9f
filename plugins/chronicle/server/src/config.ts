/** The plugin's configuration (config/plugins.ts → chronicle.config), with its defaults. */
export interface ChronicleConfig {
  /** Largest image accepted for upload, in pixels (width × height, all frames). */
  maxImagePixels: number;
}

export default {
  default: { maxImagePixels: 40_000_000 } satisfies ChronicleConfig,
  validator(config: Partial<ChronicleConfig>) {
    if (config.maxImagePixels !== undefined && (!Number.isInteger(config.maxImagePixels) || config.maxImagePixels < 1)) {
      throw new Error('chronicle.maxImagePixels must be a positive integer');
    }
  },
};
