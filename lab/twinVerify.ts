import type { TwinPrepared } from "./twinLab";
export interface TwinVerifyReport { readonly ok: boolean }
export async function twinVerify(_p: TwinPrepared): Promise<TwinVerifyReport> { return { ok: false }; }
export function formatVerify(r: TwinVerifyReport, _f: string): string { return JSON.stringify(r); }
