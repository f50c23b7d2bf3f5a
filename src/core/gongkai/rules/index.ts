/** Every 公开表 rule, in id order. A rule module is one identity with its id, Chinese title and instances. */
import { GRule } from './kit';
import G_INTER_01 from './G-INTER-01';
import G_INTER_02 from './G-INTER-02';
import G_INTER_03 from './G-INTER-03';
import G_INTER_04 from './G-INTER-04';
import G_INTER_05 from './G-INTER-05';
import G_INTER_06 from './G-INTER-06';
import G_INTER_07 from './G-INTER-07';
import G_INTER_08 from './G-INTER-08';
import G_INTER_09 from './G-INTER-09';
import G_INTER_10 from './G-INTER-10';
import G_INTER_11 from './G-INTER-11';
import G_INTER_12 from './G-INTER-12';
import G_INTER_13 from './G-INTER-13';
import G_INTER_14 from './G-INTER-14';
import G_INTER_15 from './G-INTER-15';
import G_INTER_16 from './G-INTER-16';
import G_INTER_17 from './G-INTER-17';
import G_INTER_18 from './G-INTER-18';
import G_INTER_19 from './G-INTER-19';
import G_INTRA_01 from './G-INTRA-01';
import G_INTRA_02 from './G-INTRA-02';
import G_INTRA_03 from './G-INTRA-03';
import G_INTRA_04 from './G-INTRA-04';
import G_INTRA_05 from './G-INTRA-05';
import G_INTRA_06 from './G-INTRA-06';
import G_INTRA_07 from './G-INTRA-07';
import G_INTRA_08 from './G-INTRA-08';
import G_INTRA_09 from './G-INTRA-09';
import G_INTRA_10 from './G-INTRA-10';
import G_INTRA_11 from './G-INTRA-11';
import G_INTRA_12 from './G-INTRA-12';
import G_INTRA_13 from './G-INTRA-13';
import G_INTRA_14 from './G-INTRA-14';
import G_INTRA_15 from './G-INTRA-15';
import G_INTRA_16 from './G-INTRA-16';
import G_INTRA_17 from './G-INTRA-17';
import G_INTRA_18 from './G-INTRA-18';
import G_INTRA_19 from './G-INTRA-19';
import G_INTRA_20 from './G-INTRA-20';
import G_INTRA_21 from './G-INTRA-21';
import G_INTRA_22 from './G-INTRA-22';
import G_INTRA_23 from './G-INTRA-23';
import G_INTRA_24 from './G-INTRA-24';
import G_INTRA_25 from './G-INTRA-25';
import G_INTRA_26 from './G-INTRA-26';
import G_INTRA_27 from './G-INTRA-27';
import G_INTRA_28 from './G-INTRA-28';
import G_INTRA_29 from './G-INTRA-29';
import G_INTRA_30 from './G-INTRA-30';
import G_INTRA_31 from './G-INTRA-31';
import G_INTRA_32 from './G-INTRA-32';

export const RULES: GRule[] = [
  G_INTER_01,
  G_INTER_02,
  G_INTER_03,
  G_INTER_04,
  G_INTER_05,
  G_INTER_06,
  G_INTER_07,
  G_INTER_08,
  G_INTER_09,
  G_INTER_10,
  G_INTER_11,
  G_INTER_12,
  G_INTER_13,
  G_INTER_14,
  G_INTER_15,
  G_INTER_16,
  G_INTER_17,
  G_INTER_18,
  G_INTER_19,
  G_INTRA_01,
  G_INTRA_02,
  G_INTRA_03,
  G_INTRA_04,
  G_INTRA_05,
  G_INTRA_06,
  G_INTRA_07,
  G_INTRA_08,
  G_INTRA_09,
  G_INTRA_10,
  G_INTRA_11,
  G_INTRA_12,
  G_INTRA_13,
  G_INTRA_14,
  G_INTRA_15,
  G_INTRA_16,
  G_INTRA_17,
  G_INTRA_18,
  G_INTRA_19,
  G_INTRA_20,
  G_INTRA_21,
  G_INTRA_22,
  G_INTRA_23,
  G_INTRA_24,
  G_INTRA_25,
  G_INTRA_26,
  G_INTRA_27,
  G_INTRA_28,
  G_INTRA_29,
  G_INTRA_30,
  G_INTRA_31,
  G_INTRA_32,
];
