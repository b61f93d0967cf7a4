// One declaration per channel: its request schema (validated in main at runtime) and its
// response type (a phantom, checked at compile time). Preload, IPC binder, web host and
// the renderer client all loop over these declarations, so a channel name is written once.
import type { z } from 'zod';

declare const responseMarker: unique symbol;
/** A phantom carrying the response type; it has no runtime value. */
export interface Returns<T> { readonly [responseMarker]?: T }
export const returns = <T>(): Returns<T> => ({});

export interface Channel<Req extends z.ZodType, Res> {
  readonly request: Req;
  readonly response: Returns<Res>;
}
export const channel = <Req extends z.ZodType, Res>(request: Req, response: Returns<Res>): Channel<Req, Res> =>
  ({ request, response });

/** A push event from main to the renderer, declared with its payload type. */
export interface PushEvent<T> { readonly payload: Returns<T> }
export const event = <T>(): PushEvent<T> => ({ payload: {} });

// deno-lint-ignore no-explicit-any
export type AnyChannel = Channel<z.ZodType, any>;
export type RequestOf<C> = C extends Channel<infer R, unknown> ? z.input<R> : never;
export type ParsedRequestOf<C> = C extends Channel<infer R, unknown> ? z.output<R> : never;
export type ResponseOf<C> = C extends Channel<z.ZodType, infer T> ? T : never;
export type PayloadOf<E> = E extends PushEvent<infer T> ? T : never;
