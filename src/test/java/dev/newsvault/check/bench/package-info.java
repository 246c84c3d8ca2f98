/** The benchmark of {@code newsvault check} (bench/check.sh): a generated news site and a pre-filled archive. */
package dev.newsvault.check.bench;
