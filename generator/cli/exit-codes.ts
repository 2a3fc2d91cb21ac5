/** What `docs-to-sdk` exits with. */
export const EXIT_OK = 0;
/** The docs have errors (or warnings, with --strict), or --check found drift. */
export const EXIT_FAILED = 1;
/** The command line or the config is wrong. */
export const EXIT_USAGE = 2;
/** docs-to-sdk itself failed (a bug): the message says where. */
export const EXIT_INTERNAL = 3;
