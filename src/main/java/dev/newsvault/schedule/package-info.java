/**
 * Scheduled crawls: when each seed list is due ({@code schedule.<list>.every} or {@code .cron}), the
 * long-running scheduler and {@code --once}, and adaptive revisits of recent articles, whose timing is a pure
 * function of an article's check history ({@link dev.newsvault.schedule.RevisitPolicy}).
 */
package dev.newsvault.schedule;
