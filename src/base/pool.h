/*
 * pool: a fixed set of worker threads running submitted tasks (pthreads).
 *
 * Tasks may submit further tasks. pool_wait makes the calling thread work too and returns
 * once the queue is empty and no task runs, so a pool of n threads starts n-1 workers and a
 * pool of 1 runs everything in the waiting thread (deterministic order, for debugging).
 */
#ifndef GOMEM_POOL_H
#define GOMEM_POOL_H

typedef struct Pool Pool;
typedef void (*PoolFn)(void *arg);

/* $GOMEM_THREADS when set, else the number of online cores (at least 1). */
int pool_default_threads(void);
/* nthreads <= 0 means pool_default_threads(). */
Pool *pool_new(int nthreads);
int pool_threads(const Pool *p);
void pool_submit(Pool *p, PoolFn fn, void *arg);
/* The same, but the task goes to the front of the queue: it runs before the waiting ones
 * (work on a critical path, ahead of work that can wait). */
void pool_submit_front(Pool *p, PoolFn fn, void *arg);
void pool_wait(Pool *p);
void pool_free(Pool *p);

#endif
