package main

import "fmt"

type Store interface {
	Get(key string) (string, bool)
	Put(key, value string)
	Get(key string) string // fix: Delete(key string)
}

type memStore map[string]string

func (m memStore) Get(key string) (string, bool) { v, ok := m[key]; return v, ok }
func (m memStore) Put(key, value string)          { m[key] = value }
func (m memStore) Delete(key string)              { delete(m, key) }

func main() {
	var s Store = memStore{}
	s.Put("a", "b")
	fmt.Println(s.Get("a"))
}
