/*
 * gomem: where a Go program's memory goes.
 *
 * main only dispatches: the command table is commands.def, and each command lives with
 * the stage it drives. Exit status, for every command: 0 clean, 1 problems found in the
 * input, 2 usage or I/O errors.
 */
#include "base/base.h"
#include "base/opt.h"

#include <string.h>

#define CMD(name)                                                                                        \
	extern const CmdSpec name##_spec;                                                                    \
	int name##_main(int argc, char **argv);
#include "commands.def"
#undef CMD

typedef struct Command {
	const CmdSpec *spec;
	int (*main)(int argc, char **argv);
} Command;

static const Command commands[] = {
#define CMD(name) {&name##_spec, name##_main},
#include "commands.def"
#undef CMD
    {NULL, NULL},
};

static const Command *find_command(const char *name)
{
	for (const Command *c = commands; c->spec; c++)
		if (strcmp(c->spec->name, name) == 0)
			return c;
	return NULL;
}

static void print_help(FILE *out)
{
	fputs("gomem: where a Go program's memory goes (escapes and leaks).\n\n"
	      "usage: gomem <command> [flags] [arguments]\n\n"
	      "commands:\n",
	      out);
	for (const Command *c = commands; c->spec; c++)
		fprintf(out, "  %-12s %s\n", c->spec->name, c->spec->summary);
	fputs("  help         print this help, or a command's with 'gomem help <command>'\n"
	      "\nRun 'gomem <command> --help' for a command's flags.\n"
	      "Exit status: 0 clean, 1 problems found in the input, 2 usage or I/O errors.\n",
	      out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "-help") == 0) {
		if (argc > 2 && strcmp(cmd, "help") == 0 && strcmp(argv[2], "help") != 0) {
			const Command *c = find_command(argv[2]);
			if (!c) {
				fprintf(stderr, "gomem help: unknown command \"%s\"\n", argv[2]);
				return 2;
			}
			opt_print_help(c->spec, stdout);
			return 0;
		}
		print_help(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-version") == 0 || strcmp(cmd, "version") == 0) {
		printf("gomem %s\n", GOMEM_VERSION);
		return 0;
	}
	const Command *c = find_command(cmd);
	if (!c) {
		fprintf(stderr, "gomem: unknown command \"%s\"\nRun 'gomem help' for the list of commands.\n", cmd);
		return 2;
	}
	return c->main(argc - 1, argv + 1);
}
