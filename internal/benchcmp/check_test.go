package benchcmp

import "fmt"

func checkResult(err error, ok bool, format string, args ...any) error {
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("unexpected result: "+format, args...)
	}
	return nil
}
