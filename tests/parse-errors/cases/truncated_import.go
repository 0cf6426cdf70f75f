// ERROR-LINE 4 "unexpected EOF, expected \)"
package p

import (