/*
 * The thread pool: one mutex-protected queue of tasks (a ring buffer: FIFO, and
 * pool_submit_front pushes at its head), a condition variable for work and one for "all
 * done". Workers sleep when the queue is empty; a task counts as running from the moment it
 * leaves the queue until it returns, so pool_wait's "queue empty and nothing running" cannot
 * miss work a running task is about to submit.
 */
#include "base/pool.h"
#include "base/base.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct Task {
	PoolFn fn;
	void *arg;
} Task;

struct Pool {
	pthread_mutex_t mu;
	pthread_cond_t work, idle;
	Task *q;
	size_t head, len, cap; /* ring buffer */
	size_t running;
	bool stop;
	int nthreads;
	pthread_t *threads;
	int nworkers;
};

int pool_default_threads(void)
{
	const char *e = getenv("GOMEM_THREADS");
	if (e && *e) {
		int n = atoi(e);
		if (n >= 1 && n <= 1024)
			return n;
	}
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

/* Takes the next task; called with mu held and len > 0. */
static Task take(Pool *p)
{
	Task t = p->q[p->head];
	p->head = (p->head + 1) % p->cap;
	p->len--;
	p->running++;
	return t;
}

static void finish(Pool *p)
{
	p->running--;
	if (p->len == 0 && p->running == 0)
		pthread_cond_broadcast(&p->idle);
}

static void *worker(void *arg)
{
	Pool *p = arg;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->len == 0 && !p->stop)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->stop)
			break;
		Task t = take(p);
		pthread_mutex_unlock(&p->mu);
		t.fn(t.arg);
		pthread_mutex_lock(&p->mu);
		finish(p);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

Pool *pool_new(int nthreads)
{
	Pool *p = xcalloc(1, sizeof *p);
	p->nthreads = nthreads > 0 ? nthreads : pool_default_threads();
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->idle, NULL);
	p->threads = xcalloc((size_t)p->nthreads, sizeof *p->threads);
	for (int i = 0; i < p->nthreads - 1; i++) {
		if (pthread_create(&p->threads[p->nworkers], NULL, worker, p) != 0)
			break; /* fewer workers; the waiting thread still makes progress */
		p->nworkers++;
	}
	return p;
}

int pool_threads(const Pool *p) { return p->nworkers + 1; }

static void submit(Pool *p, PoolFn fn, void *arg, bool front)
{
	pthread_mutex_lock(&p->mu);
	if (p->len == p->cap) {
		size_t nc = p->cap ? p->cap * 2 : 64;
		Task *q = xmalloc(nc * sizeof *q);
		for (size_t i = 0; i < p->len; i++)
			q[i] = p->q[(p->head + i) % p->cap];
		free(p->q);
		p->q = q;
		p->head = 0;
		p->cap = nc;
	}
	if (front) {
		p->head = (p->head + p->cap - 1) % p->cap;
		p->q[p->head] = (Task){fn, arg};
	} else {
		p->q[(p->head + p->len) % p->cap] = (Task){fn, arg};
	}
	p->len++;
	pthread_cond_signal(&p->work);
	pthread_cond_signal(&p->idle); /* a waiting pool_wait helps */
	pthread_mutex_unlock(&p->mu);
}

void pool_submit(Pool *p, PoolFn fn, void *arg) { submit(p, fn, arg, false); }
void pool_submit_front(Pool *p, PoolFn fn, void *arg) { submit(p, fn, arg, true); }

void pool_wait(Pool *p)
{
	pthread_mutex_lock(&p->mu);
	for (;;) {
		if (p->len > 0) {
			Task t = take(p);
			pthread_mutex_unlock(&p->mu);
			t.fn(t.arg);
			pthread_mutex_lock(&p->mu);
			finish(p);
			continue;
		}
		if (p->running == 0)
			break;
		pthread_cond_wait(&p->idle, &p->mu);
	}
	pthread_mutex_unlock(&p->mu);
}

void pool_free(Pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nworkers; i++)
		pthread_join(p->threads[i], NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->idle);
	free(p->threads);
	free(p->q);
	free(p);
}
