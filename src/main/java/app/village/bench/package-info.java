/**
 * Benchmarks that drive a whole Village server from outside ({@code ./village bench pages}); they use no
 * other module's code, only HTTP and the server's database.
 */
package app.village.bench;
