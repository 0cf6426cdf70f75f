/* Shared types under parallel importers (src/types/share.c): a package's generic types are
 * instantiated, expanded, measured and their type sets computed by several threads at once,
 * started together by a barrier so that they meet on the same lazily computed data: the
 * hard case of an instance made by one package (its arena) expanded by several importers at
 * the same moment. Every thread must see the same results (the same pointers where the data
 * is cached), equal to what one thread computes. Run under ThreadSanitizer with `make tsan
 * SUITES=unit`. */
#include "base/base.h"
#include "check.h"
#include "types/types.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { THREADS = 8, ROUNDS = 150 };

static Interner in;
static Arena A; /* the package that declares the generic types */
static Package *pkg;

static Name *nm(const char *s) { return intern_cstr(&in, s); }

static Object *field(Arena *a, const char *name, Type *t)
{
	return types_new_field(a, pkg, (Pos){0, 0}, nm(name), t, false);
}

static Type *named(const char *name, Type *under)
{
	Object *o = types_new_typename(&A, pkg, (Pos){0, 0}, nm(name), NULL);
	Type *t = types_new_named(&A, o, under);
	types_scope_insert(pkg->scope, o);
	return t;
}

static Type *tparam(const char *name, Type *bound)
{
	Object *o = types_new_typename(&A, pkg, (Pos){0, 0}, nm(name), NULL);
	return types_new_typeparam(&A, o, bound);
}

static Type *box, *pair, *getter, *vec; /* generic: Box[T], Pair[K, V], Getter[T], Vec[E] */

/* type Box[T any] struct{ v T; next *Box[T] }
 * func (b Box[T]) Get() T; func (b *Box[T]) Set(v T)
 * type Pair[K comparable, V any] struct{ k K; v V; b *Box[V]; bs []Box[K] }
 * type Getter[T any] interface{ Get() T; comparable }
 * type Vec[E any] = []Box[E] */
static void declare(void)
{
	Type *t = tparam("T", types_any);
	box = named("Box", NULL);
	types_named_set_tparams(&A, box, &t, 1);
	Type *self = types_instantiate(&A, box, &t, 1);
	Object *bf[] = {field(&A, "v", t), field(&A, "next", types_new_pointer(&A, self))};
	types_named_set_underlying(box, types_new_struct(&A, bf, NULL, 2));
	Object *rv = types_new_var(&A, VK_RECV, pkg, (Pos){0, 0}, nm("b"), self);
	Object *res = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, t);
	Type *get = types_new_signature(&A, rv, NULL, types_new_tuple(&A, &res, 1), false);
	types_named_add_method(&A, box, types_new_func(&A, pkg, (Pos){0, 0}, nm("Get"), get));
	Object *rp = types_new_var(&A, VK_RECV, pkg, (Pos){0, 0}, nm("b"), types_new_pointer(&A, self));
	Object *par = types_new_param(&A, pkg, (Pos){0, 0}, nm("v"), t);
	Type *set = types_new_signature(&A, rp, types_new_tuple(&A, &par, 1), NULL, false);
	types_named_add_method(&A, box, types_new_func(&A, pkg, (Pos){0, 0}, nm("Set"), set));

	Type *kv[] = {tparam("K", types_comparable), tparam("V", types_any)};
	pair = named("Pair", NULL);
	types_named_set_tparams(&A, pair, kv, 2);
	Object *pf[] = {field(&A, "k", kv[0]), field(&A, "v", kv[1]),
	                field(&A, "b", types_new_pointer(&A, types_instantiate(&A, box, &kv[1], 1))),
	                field(&A, "bs", types_new_slice(&A, types_instantiate(&A, box, &kv[0], 1)))};
	types_named_set_underlying(pair, types_new_struct(&A, pf, NULL, 4));

	Type *g = tparam("T", types_any);
	getter = named("Getter", NULL);
	types_named_set_tparams(&A, getter, &g, 1);
	Object *gres = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, g);
	Object *gm = types_new_func(&A, pkg, (Pos){0, 0}, nm("Get"), types_new_signature(&A, NULL, NULL, types_new_tuple(&A, &gres, 1), false));
	Type *emb = types_comparable;
	types_named_set_underlying(getter, types_new_interface(&A, &gm, 1, &emb, 1));

	Type *e = tparam("E", types_any);
	Object *vo = types_new_typename(&A, pkg, (Pos){0, 0}, nm("Vec"), NULL);
	vec = types_new_alias(&A, vo, types_new_slice(&A, types_instantiate(&A, box, &e, 1)));
	types_alias_set_tparams(&A, vec, &e, 1);
	types_scope_insert(pkg->scope, vo);
	types_package_freeze(pkg);
}

/* What one round shares: instances made by the declaring package, not expanded yet. */
typedef struct Round {
	Type *arg;             /* [r]int: new in each round, so every instance is new */
	Type *b, *p, *g, *v;   /* Box[arg], Pair[string, arg], Getter[arg], Vec[arg] */
	Type *iface;           /* interface{ ~int | ~string | arg; String() string } */
	pthread_barrier_t start;
} Round;

typedef struct Seen {
	Type *bu, *pu, *vu;
	ObjList bm;
	TypeSet *gts, *its;
	int64_t psize, palign, poff3;
	Type *own;             /* Box[arg] instantiated in the thread's own arena */
	bool own_ok;
	Arena arena;           /* the thread's package */
} Seen;

typedef struct Worker {
	Round *r;
	Seen *s;
	int id;
} Worker;

static void *work(void *arg)
{
	Worker *w = arg;
	Round *r = w->r;
	Seen *s = w->s;
	pthread_barrier_wait(&r->start);
	/* in a different order per thread, so that they collide on different caches first */
	for (int k = 0; k < 6; k++) {
		switch ((k + w->id) % 6) {
		case 0: s->bu = types_under(r->b); break;
		case 1: s->bm = types_named_methods(r->b); break;
		case 2:
			s->pu = types_under(r->p);
			s->psize = types_sizeof(r->p);
			s->palign = types_alignof(r->p);
			s->poff3 = types_offsetof_field(r->p, 3);
			break;
		case 3: s->gts = types_typeset(r->g); break;
		case 4: s->its = types_typeset(r->iface); break;
		case 5: s->vu = types_unalias(r->v); break;
		}
	}
	/* the thread's own instance: a new one (only its arena's are reused), identical */
	Type *a = r->arg;
	s->own = types_instantiate(&s->arena, box, &a, 1);
	Type *again = types_instantiate(&s->arena, box, &a, 1);
	ObjList om = types_named_methods(s->own);
	s->own_ok = s->own != r->b && again == s->own && types_identical(s->own, r->b) && om.len == 2 &&
	            types_identical(om.data[0]->type, s->bm.data[0]->type) && types_identical(types_under(s->own), s->bu);
	return NULL;
}

static void test_parallel_rounds(void)
{
	bool same = true, right = true, own = true;
	char why[200] = "";
	for (int n = 1; n <= ROUNDS; n++) {
		Round r;
		r.arg = types_new_array(&A, types_typ[BK_INT], n);
		Type *pa[] = {types_typ[BK_STRING], r.arg};
		r.b = types_instantiate(&A, box, &r.arg, 1);
		r.p = types_instantiate(&A, pair, pa, 2);
		r.g = types_instantiate(&A, getter, &r.arg, 1);
		r.v = types_instantiate(&A, vec, &r.arg, 1);
		Term terms[] = {{true, types_typ[BK_INT]}, {true, types_typ[BK_STRING]}, {false, r.arg}};
		Type *u = types_new_union(&A, terms, 3);
		Object *sres = types_new_var(&A, VK_RESULT, pkg, (Pos){0, 0}, NULL, types_typ[BK_STRING]);
		Object *sm = types_new_func(&A, pkg, (Pos){0, 0}, nm("String"), types_new_signature(&A, NULL, NULL, types_new_tuple(&A, &sres, 1), false));
		r.iface = types_new_interface(&A, &sm, 1, &u, 1);
		pthread_barrier_init(&r.start, NULL, THREADS);
		Seen seen[THREADS];
		Worker ws[THREADS];
		pthread_t th[THREADS];
		memset(seen, 0, sizeof seen);
		for (int i = 0; i < THREADS; i++) {
			arena_init(&seen[i].arena);
			ws[i] = (Worker){&r, &seen[i], i};
			pthread_create(&th[i], NULL, work, &ws[i]);
		}
		for (int i = 0; i < THREADS; i++)
			pthread_join(th[i], NULL);
		pthread_barrier_destroy(&r.start);
		for (int i = 1; i < THREADS; i++) {
			Seen *a = &seen[0], *b = &seen[i];
			if (a->bu != b->bu || a->pu != b->pu || a->vu != b->vu || a->bm.data != b->bm.data || a->bm.len != b->bm.len ||
			    a->gts != b->gts || a->its != b->its || a->psize != b->psize || a->palign != b->palign || a->poff3 != b->poff3) {
				if (same)
					snprintf(why, sizeof why, "round %d: thread %d saw other results than thread 0", n, i);
				same = false;
			}
		}
		Seen *s = &seen[0];
		/* Pair[string, [n]int]: k string (16), v [n]int (8n), b *Box (8), bs []Box (24) */
		int64_t want = 16 + 8 * n + 8 + 24;
		char *bu = types_string(s->bu), *vu = types_string(s->vu);
		char wantbu[96], wantvu[96];
		snprintf(wantbu, sizeof wantbu, "struct{v [%d]int; next *example.com/g.Box[[%d]int]}", n, n);
		snprintf(wantvu, sizeof wantvu, "[]example.com/g.Box[[%d]int]", n);
		bool ok = strcmp(bu, wantbu) == 0 && strcmp(vu, wantvu) == 0 && s->bm.len == 2 && s->psize == want &&
		          s->palign == 8 && s->poff3 == want - 24 && s->gts->methods.len == 1 && s->gts->comparable &&
		          s->its->nterms == 3 && s->its->methods.len == 1 && s->pu->kind == TY_STRUCT;
		if (!ok && right)
			snprintf(why, sizeof why, "round %d: %s / %s / size %lld", n, bu, vu, (long long)s->psize);
		right &= ok;
		free(bu);
		free(vu);
		for (int i = 0; i < THREADS; i++)
			own &= seen[i].own_ok;
		/* the threads' arenas stay: their instances are on Box's shared list */
	}
	if (why[0])
		printf("   %s\n", why);
	CHECK("threads/same-results", same);
	CHECK("threads/right-results", right);
	CHECK("threads/own-instances", own);
}

int main(void)
{
	intern_init(&in);
	types_universe_init(&in);
	arena_init(&A);
	pkg = types_new_package(&A, "example.com/g", nm("g"));
	declare();
	test_parallel_rounds();
	return check_failures != 0;
}
