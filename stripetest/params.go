package stripetest

// Helpers that apply request params to stored objects.

// applyMetadata merges metadata[k]=v into o; an empty value deletes a key
// and metadata= (empty) clears all of them.
func applyMetadata(o obj, f *form) {
	v, ok := f.m["metadata"]
	if !ok {
		return
	}
	md, _ := o["metadata"].(obj)
	if md == nil {
		md = obj{}
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			md = obj{}
		} else {
			f.fail(invalid("metadata", "", "Invalid object"))
		}
	case obj:
		for k, val := range x {
			sv, isStr := val.(string)
			if !isStr {
				f.fail(invalid("metadata["+k+"]", "", "Invalid metadata value"))
				continue
			}
			if sv == "" {
				delete(md, k)
			} else {
				md[k] = sv
			}
		}
	}
	o["metadata"] = md
}

// setStrings copies the string params in keys (present ones only) into o;
// an empty value sets the field to null.
func setStrings(o obj, f *form, keys ...string) {
	for _, k := range keys {
		if v, ok := f.str(k); ok {
			if v == "" {
				o[k] = nil
			} else {
				o[k] = v
			}
		}
	}
}

// idOf returns the ID of a field that may hold an ID or an object.
func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case obj:
		id, _ := x["id"].(string)
		return id
	}
	return ""
}
