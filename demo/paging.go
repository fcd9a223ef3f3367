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
	type keyed struct {
		key  string
		item T
	}
	sorted := make([]keyed, len(items))
	for i, item := range items {
		sorted[i] = keyed{key(item), item}
	}
	order := func(a, b string) int {
		if desc {
			return strings.Compare(b, a)
		}
		return strings.Compare(a, b)
	}
	slices.SortStableFunc(sorted, func(a, b keyed) int { return order(a.key, b.key) })
	start := 0
	if token != "" {
		after, err := decodeToken(scope, token)
		if err != nil {
			return nil, "", err
		}
		// The first item ordered after the last one the token returned.
		start, _ = slices.BinarySearchFunc(sorted, after, func(k keyed, after string) int {
			if c := order(k.key, after); c != 0 {
				return c
			}
			return -1
		})
	}
	end := min(start+limit, len(sorted))
	page := make([]T, 0, end-start)
	for _, k := range sorted[start:end] {
		page = append(page, k.item)
	}
	if end == len(sorted) {
		return page, "", nil
	}
	return page, encodeToken(scope, sorted[end-1].key), nil
}

// pageAfter is a page that the simulation pages itself (fetch: at most
// limit items after the one whose key is `after`, "" = from the first, and
// whether more follow), so that a page costs what it holds rather than
// the whole list. Its token keeps the key of the last item, as pageOf's do.
func pageAfter[T any](scope, token string, limit int, key func(T) string, fetch func(after string, limit int) ([]T, bool, error)) ([]T, string, error) {
	var after string
	if token != "" {
		var err error
		if after, err = decodeToken(scope, token); err != nil {
			return nil, "", err
		}
	}
	items, more, err := fetch(after, limit)
	if err != nil || !more {
		return items, "", err
	}
	return items, encodeToken(scope, key(items[len(items)-1])), nil
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
