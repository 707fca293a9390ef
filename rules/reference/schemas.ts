import * as z from 'zod/mini';
import { CAR_T_PRODUCTS, LYMPHODEPLETION_PRODUCTS } from './products.ts';

/** A product of T2, as the contract's LymphodepletionProduct enum names it. */
export const lymphodepletionProductSchema = z.enum(LYMPHODEPLETION_PRODUCTS);

/** A T2 product, or OTHER for a product the consensus does not list. */
export const carTProductSchema = z.enum(CAR_T_PRODUCTS);
