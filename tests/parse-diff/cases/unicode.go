package p

var (
	π       = 3.14
	日本語     = "日本語"
	ǅ       = 1
	x٣      = 2
	_ℍ      = 3
	résumé  = "é"
	Ünïcödé = 'ü'
)

func 函数(параметр int) (результат int) { return параметр }
