/** Fetching: captures and their failures, the shared OkHttp client, per-host politeness and robots.txt. */
package dev.newsvault.fetch;
