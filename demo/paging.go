package demo

import (
	"encoding/base64"
	"slices"
	"strings"
)

// pageOf returns the page of items that follows token ("" = the first
// page), at most limit long, and the token of the next page ("" after the
// last). Items are ordered by key, descending when desc. A token holds the
// key of the last item it returned, so a page continues where the last one
// stopped even when items were added or removed in between — the
// simulation keeps starting and stopping tasks while a client pages. A
// token is bound to its scope (the operation): another one is invalid.
func pageOf[T any](scope string, items []T, key func(T) string, desc bool, token string, limit int) ([]T, string, error) {
	sorted := slices.Clone(items)
	slices.SortStableFunc(sorted, func(a, b T) int {
		if desc {
			return strings.Compare(key(b), key(a))
		}
		return strings.Compare(key(a), key(b))
	})
	start := 0
	if token != "" {
		after, err := decodeToken(scope, token)
		if err != nil {
			return nil, "", err
		}
		start, _ = slices.BinarySearchFunc(sorted, after, func(item T, after string) int {
			c := strings.Compare(key(item), after)
			if desc {
				c = -c
			}
			if c == 0 {
				return -1 // the item the last page ended with: skip it
			}
			return c
		})
	}
	end := min(start+limit, len(sorted))
	page := sorted[start:end]
	if end == len(sorted) {
		return page, "", nil
	}
	return page, encodeToken(scope, key(page[len(page)-1])), nil
}

func encodeToken(scope, key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(scope + "\x00" + key))
}

func decodeToken(scope, token string) (string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return "", errInvalidToken
	}
	key, ok := strings.CutPrefix(string(raw), scope+"\x00")
	if !ok {
		return "", errInvalidToken
	}
	return key, nil
}

var errInvalidToken = invalidParameter("The specified nextToken is invalid.")

// pageSize is the page length a request asks for: def when it names none,
// and an error outside 1…max, as AWS validates it.
func pageSize(name string, v *int, def, max int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < 1 || *v > max {
		return 0, outOfRange(name, *v, 1, max)
	}
	return *v, nil
}
