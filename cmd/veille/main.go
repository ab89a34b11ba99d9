package main

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/abadojack/whatlanggo"
	_ "github.com/kljensen/snowball"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/nlnwa/gowarc/v3"
	_ "github.com/schollz/progressbar/v3"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
)

func main() {}
