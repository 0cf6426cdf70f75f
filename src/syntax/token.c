/* The token table's spellings (token.h): one string per TokKind, as go/token prints it. */
#include "syntax/token.h"

static const char *const tok_names[TOK__COUNT] = {
#define TOK(e, s) [e] = s,
	TOKENS(TOK)
#undef TOK
};

const char *syn_tok_string(TokKind k)
{
	if ((unsigned)k >= TOK__COUNT)
		return "ILLEGAL";
	return tok_names[k];
}
