/*
 * opt: command-line flags for every gomem command, in the Go tools' manner: a flag may be
 * written -name or --name, its value as -name=value or -name value; flags and operands may
 * be mixed; "--" ends the flags; -h, -help and --help print the command's help.
 */
#ifndef GOMEM_OPT_H
#define GOMEM_OPT_H

#include "base.h"

typedef enum {
	OPT_BOOL,     /* bool *: set to true */
	OPT_STRING,   /* const char **: the value */
	OPT_INT,      /* long *: a decimal integer */
	OPT_DURATION, /* double *: seconds, from a Go duration such as 500ms, 10s, 1m30s */
} OptKind;

typedef struct Opt {
	const char *name; /* without dashes */
	OptKind kind;
	void *dst;
	const char *arg;  /* the value's name in the help, e.g. "DUR" */
	const char *help;
} Opt;

typedef struct CmdSpec {
	const char *name;    /* "parse" */
	const char *usage;   /* "[-dump] FILE..." */
	const char *summary; /* one line */
	const char *details; /* paragraphs printed after the flags, or NULL */
	const Opt *opts;
	size_t nopts;
	int min_args, max_args; /* operand count bounds; max_args < 0 means no limit */
} CmdSpec;

enum { OPT_OK = 0, OPT_HELP = -1, OPT_ERROR = -2 };

/* Parses argv[1..argc-1]. On success returns OPT_OK with the operands in args and nargs
 * (pointers into argv). Prints help to stdout (OPT_HELP) or a usage error to stderr
 * (OPT_ERROR); callers then exit 0 or 2. */
int opt_parse(const CmdSpec *spec, int argc, char **argv, char ***args, int *nargs);
void opt_print_help(const CmdSpec *spec, FILE *out);
/* Parses a Go duration ("300ms", "1.5s", "2m", "1h30m"); false when malformed. */
bool opt_parse_duration(const char *s, double *seconds);

#endif
