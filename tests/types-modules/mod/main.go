// The fixture of tests/types-modules: a module whose requirements are the real modules the
// suite type-checks (every package of each). The imports only keep `go mod tidy` from
// dropping them and pull in the dependencies of the packages that need them.
package main

import (
	_ "github.com/BurntSushi/toml"
	_ "github.com/davecgh/go-spew/spew"
	_ "github.com/expr-lang/expr"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/goccy/go-json"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/google/uuid"
	_ "github.com/gorilla/mux"
	_ "github.com/gorilla/websocket"
	_ "github.com/hashicorp/golang-lru/v2"
	_ "github.com/klauspost/compress/zstd"
	_ "github.com/pelletier/go-toml/v2"
	_ "github.com/pkg/errors"
	_ "github.com/samber/lo"
	_ "github.com/sirupsen/logrus"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/cobra/doc"
	_ "github.com/spf13/pflag"
	_ "github.com/stretchr/testify/assert"
	_ "github.com/stretchr/testify/mock"
	_ "golang.org/x/exp/slices"
	_ "golang.org/x/net/html"
	_ "golang.org/x/net/quic"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/term"
	_ "golang.org/x/text/language"
	_ "golang.org/x/text/message/pipeline"
	_ "golang.org/x/tools/go/packages"
	_ "gonum.org/v1/gonum/mat"
	_ "google.golang.org/protobuf/proto"
	_ "gopkg.in/yaml.v3"
)

func main() {}
