// Package model holds ecsdeck's domain values — clusters, services, tasks,
// containers, task definitions, log events — and pure logic on them. It
// imports nothing but the standard library: the aws package fills these
// values from API calls, the demo simulation keeps its state in them, and the
// ui draws them.
package model
