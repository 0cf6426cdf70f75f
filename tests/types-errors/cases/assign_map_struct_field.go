package main

import "fmt"

type account struct {
	owner   string
	balance int
}

func main() {
	accounts := map[string]account{"ann": {owner: "ann"}}
	accounts["ann"].balance = 100 // fix: accounts["ann"] = account{owner: "ann", balance: 100}
	fmt.Println(accounts)
}
