// The reporters' names, apart from the reporters, so the command line can offer them without loading them.
export const REPORTERS = ['text', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];
