/** The one slash command OpsPlan declares in manifest.yml. */
export const COMMAND = '/opsplan';
