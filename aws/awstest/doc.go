// Package awstest starts the endpoints ecsdeck is tested against — the
// in-process demo endpoint and moto_server, an independent emulator — and
// builds aws.Clients for them. Every package's tests may use it.
package awstest
