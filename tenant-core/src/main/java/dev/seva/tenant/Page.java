package dev.seva.tenant;

import java.util.List;

/**
 * One page of a list, as every list endpoint answers it: {@code {items, page, size, total}}.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items there are in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
