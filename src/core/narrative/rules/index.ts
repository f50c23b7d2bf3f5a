/** Every narrative check, in id order (narratives.md §4). NC-10/NC-11 compare 综述 and 十三 with loaded 自评表. */
import NC_01 from './NC-01';
import NC_02 from './NC-02';
import NC_03 from './NC-03';
import NC_04 from './NC-04';
import NC_05 from './NC-05';
import NC_06 from './NC-06';
import NC_07 from './NC-07';
import NC_08 from './NC-08';
import NC_09 from './NC-09';
import NC_10 from './NC-10';
import NC_11 from './NC-11';
import NC_12 from './NC-12';
import NC_13 from './NC-13';
import { NRule } from './kit';

export const NARRATIVE_RULES: NRule[] = [NC_01, NC_02, NC_03, NC_04, NC_05, NC_06, NC_07, NC_08, NC_09, NC_10, NC_11, NC_12, NC_13];
