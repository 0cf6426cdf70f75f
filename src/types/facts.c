/* facts.c: placeholder, filled below */
#include "types/check.h"
void check_facts(Checker *c) { (void)c; }
void types_dump_facts(FILE *out, const TypesInfo *info) { (void)out; (void)info; }
