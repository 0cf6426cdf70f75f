/*
 * share.c: what lets several threads check packages against the same imported types.
 *
 * Packages are checked in dependency order, independent ones in parallel (cmd_types.c and
 * load_run_prep). A package's types are built by its own thread; once it is checked they are
 * read by every importer at once. Most of a type is immutable once built, but some parts
 * are computed on first use (types.h "Laziness"). Each such cache is handled in one of two
 * ways:
 *
 *   - forced before publication (types_package_freeze): the underlying type of every
 *     package-level Named type and the actual type of every package-level alias, so that
 *     importers never reach types_under's cycle guard (a flag on the type) for them;
 *   - computed under the shared recursive lock below and published with a release store,
 *     read with an acquire load on the fast path: Named instances' expansion (underlying
 *     type and methods, allocated in the arena of the package that made the instance, which
 *     may by then be read by many threads), alias instances, interface and union type sets
 *     (whose cycle guard is a provisional value stored on the type: readers that meet it
 *     wait for the lock), and gc sizes (whose cycle guard is a flag on the type).
 *
 * Instances themselves are deduplicated per arena (per package), not across packages: the
 * list of instances on a generic type is shared (a lock-free stack, pushes only), but a
 * package reuses only instances it made, so it never compares its type arguments against
 * those of a package still being checked on another thread. Identity of instances is
 * structural (origin and type arguments), so this changes no answer.
 *
 * One lock keeps lock ordering trivial (lazy computations nest: sizes need underlying types,
 * type sets need expansions); it is recursive because they nest on one thread too.
 */
#include "types/types.h"

#include <pthread.h>

static pthread_mutex_t shared_lock;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

static void shared_init(void)
{
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&shared_lock, &attr);
	pthread_mutexattr_destroy(&attr);
}

void types_lock(void)
{
	pthread_once(&shared_once, shared_init);
	pthread_mutex_lock(&shared_lock);
}

void types_unlock(void) { pthread_mutex_unlock(&shared_lock); }

void types_package_freeze(Package *pkg)
{
	if (!pkg || !pkg->scope)
		return;
	Scope *s = pkg->scope;
	for (uint32_t i = 0; i < s->len; i++) {
		Object *o = s->elems[i];
		if (o->kind != OBJ_TYPENAME || !o->type)
			continue;
		Type *t = types_unalias(o->type);
		if (!t || t->kind != TY_NAMED || t->named.orig != t)
			continue;
		types_under(t);
		/* still not cached: a cycle (type T U; type U T) or a right-hand side that never
		 * resolved; types_under answers invalid for those every time */
		if (!__atomic_load_n(&t->named.under, __ATOMIC_ACQUIRE))
			__atomic_store_n(&t->named.under, types_typ[BK_INVALID], __ATOMIC_RELEASE);
	}
}
