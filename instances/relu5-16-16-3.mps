NAME          relu5-16-16-3_4
ROWS
 N   margin
 E   affine1_0
 G   above1_0
 G   upper1_0
 L   gate1_0
 E   affine1_1
 G   above1_1
 G   upper1_1
 L   gate1_1
 E   affine1_2
 G   above1_2
 G   upper1_2
 L   gate1_2
 E   affine1_3
 G   above1_3
 G   upper1_3
 L   gate1_3
 E   affine1_4
 G   above1_4
 G   upper1_4
 L   gate1_4
 E   affine1_5
 G   above1_5
 G   upper1_5
 L   gate1_5
 E   affine1_6
 G   above1_6
 G   upper1_6
 L   gate1_6
 E   affine1_7
 G   above1_7
 G   upper1_7
 L   gate1_7
 E   affine1_8
 G   above1_8
 G   upper1_8
 L   gate1_8
 E   affine1_9
 G   above1_9
 G   upper1_9
 L   gate1_9
 E   affine1_10
 G   above1_10
 G   upper1_10
 L   gate1_10
 E   affine1_11
 G   above1_11
 G   upper1_11
 L   gate1_11
 E   affine1_12
 G   above1_12
 G   upper1_12
 L   gate1_12
 E   affine1_13
 G   above1_13
 G   upper1_13
 L   gate1_13
 E   affine1_14
 G   above1_14
 G   upper1_14
 L   gate1_14
 E   affine1_15
 G   above1_15
 G   upper1_15
 L   gate1_15
 E   affine2_0
 G   above2_0
 G   upper2_0
 L   gate2_0
 E   affine2_1
 G   above2_1
 G   upper2_1
 L   gate2_1
 E   affine2_2
 G   above2_2
 G   upper2_2
 L   gate2_2
 E   affine2_3
 G   above2_3
 G   upper2_3
 L   gate2_3
 E   affine2_4
 G   above2_4
 G   upper2_4
 L   gate2_4
 E   affine2_5
 G   above2_5
 G   upper2_5
 L   gate2_5
 E   affine2_6
 G   above2_6
 G   upper2_6
 L   gate2_6
 E   affine2_7
 G   above2_7
 G   upper2_7
 L   gate2_7
 E   affine2_8
 G   above2_8
 G   upper2_8
 L   gate2_8
 E   affine2_9
 G   above2_9
 G   upper2_9
 L   gate2_9
 E   affine2_10
 G   above2_10
 G   upper2_10
 L   gate2_10
 E   affine2_11
 G   above2_11
 G   upper2_11
 L   gate2_11
 E   affine2_12
 G   above2_12
 G   upper2_12
 L   gate2_12
 E   affine2_13
 G   above2_13
 G   upper2_13
 L   gate2_13
 E   affine2_14
 G   above2_14
 G   upper2_14
 L   gate2_14
 E   affine2_15
 G   above2_15
 G   upper2_15
 L   gate2_15
 E   affine3_0
 E   affine3_1
 E   affine3_2
COLUMNS
 x0  affine1_0  -0.1062
 x0  affine1_1  0.6517
 x0  affine1_2  0.067
 x0  affine1_3  0.4051
 x0  affine1_4  0.0573
 x0  affine1_5  0.6755
 x0  affine1_6  0.1759
 x0  affine1_7  -0.7706
 x0  affine1_8  0.648
 x0  affine1_9  0.3429
 x0  affine1_10  0.0629
 x0  affine1_11  -0.4856
 x0  affine1_12  -0.1988
 x0  affine1_13  -0.0648
 x0  affine1_14  0.4107
 x0  affine1_15  -0.2943
 x1  affine1_0  0.6079
 x1  affine1_1  -0.0794
 x1  affine1_2  0.2792
 x1  affine1_3  -0.5664
 x1  affine1_4  0.6307
 x1  affine1_5  -0.692
 x1  affine1_6  0.752
 x1  affine1_7  -0.3708
 x1  affine1_8  -0.2058
 x1  affine1_9  0.5364
 x1  affine1_10  -0.0922
 x1  affine1_11  -0.2005
 x1  affine1_12  -0.3988
 x1  affine1_13  0.6986
 x1  affine1_14  -0.7026
 x1  affine1_15  -0.0412
 x2  affine1_0  0.5563
 x2  affine1_1  -0.493
 x2  affine1_2  0.5441
 x2  affine1_3  -0.2075
 x2  affine1_4  0.0994
 x2  affine1_5  -0.2615
 x2  affine1_6  0.5259
 x2  affine1_7  -0.524
 x2  affine1_8  0.4124
 x2  affine1_9  0.601
 x2  affine1_10  0.2506
 x2  affine1_11  0.3624
 x2  affine1_12  -0.7649
 x2  affine1_13  -0.199
 x2  affine1_14  0.1548
 x2  affine1_15  -0.621
 x3  affine1_0  -0.0127
 x3  affine1_1  0.0584
 x3  affine1_2  0.4562
 x3  affine1_3  -0.7577
 x3  affine1_4  0.5729
 x3  affine1_5  -0.4907
 x3  affine1_6  -0.466
 x3  affine1_7  0.007
 x3  affine1_8  -0.0564
 x3  affine1_9  0.2769
 x3  affine1_10  -0.6947
 x3  affine1_11  -0.1774
 x3  affine1_12  -0.7228
 x3  affine1_13  0.0679
 x3  affine1_14  0.3107
 x3  affine1_15  0.7115
 x4  affine1_0  -0.1633
 x4  affine1_1  0.4555
 x4  affine1_2  0.1671
 x4  affine1_3  0.1762
 x4  affine1_4  -0.3877
 x4  affine1_5  0.5995
 x4  affine1_6  0.3809
 x4  affine1_7  0.7243
 x4  affine1_8  0.0392
 x4  affine1_9  -0.5591
 x4  affine1_10  -0.2598
 x4  affine1_11  0.2636
 x4  affine1_12  -0.2263
 x4  affine1_13  0.2988
 x4  affine1_14  -0.7305
 x4  affine1_15  -0.0547
 a1_0  affine1_0  -1
 a1_0  above1_0  -1
 a1_0  upper1_0  1
 h1_0  above1_0  1
 h1_0  upper1_0  -1
 h1_0  gate1_0  1
 h1_0  affine2_0  -0.066
 h1_0  affine2_1  -0.1088
 h1_0  affine2_2  -0.2754
 h1_0  affine2_3  -0.2869
 h1_0  affine2_4  -0.0396
 h1_0  affine2_5  0.1443
 h1_0  affine2_6  -0.2669
 h1_0  affine2_7  0.4176
 h1_0  affine2_8  0.0168
 h1_0  affine2_9  -0.0897
 h1_0  affine2_10  0.1503
 h1_0  affine2_11  -0.2417
 h1_0  affine2_12  0.1532
 h1_0  affine2_13  0.0195
 h1_0  affine2_14  0.3729
 h1_0  affine2_15  -0.0041
 MARKER  'MARKER'  'INTORG'
 z1_0  upper1_0  -1.4117
 z1_0  gate1_0  -1.4810999999999999
 MARKER  'MARKER'  'INTEND'
 a1_1  affine1_1  -1
 a1_1  above1_1  -1
 a1_1  upper1_1  1
 h1_1  above1_1  1
 h1_1  upper1_1  -1
 h1_1  gate1_1  1
 h1_1  affine2_0  0.2161
 h1_1  affine2_1  -0.38
 h1_1  affine2_2  -0.0058
 h1_1  affine2_3  -0.3887
 h1_1  affine2_4  0.3691
 h1_1  affine2_5  -0.2417
 h1_1  affine2_6  -0.4055
 h1_1  affine2_7  0.3532
 h1_1  affine2_8  0.2965
 h1_1  affine2_9  0.1625
 h1_1  affine2_10  -0.3201
 h1_1  affine2_11  -0.0384
 h1_1  affine2_12  0.3988
 h1_1  affine2_13  -0.27
 h1_1  affine2_14  0.4023
 h1_1  affine2_15  -0.0317
 MARKER  'MARKER'  'INTORG'
 z1_1  upper1_1  -1.6593
 z1_1  gate1_1  -1.8167
 MARKER  'MARKER'  'INTEND'
 a1_2  affine1_2  -1
 a1_2  above1_2  -1
 a1_2  upper1_2  1
 h1_2  above1_2  1
 h1_2  upper1_2  -1
 h1_2  gate1_2  1
 h1_2  affine2_0  0.1096
 h1_2  affine2_1  0.1638
 h1_2  affine2_2  -0.4091
 h1_2  affine2_3  -0.0965
 h1_2  affine2_4  -0.409
 h1_2  affine2_5  -0.3847
 h1_2  affine2_6  -0.2596
 h1_2  affine2_7  0.2725
 h1_2  affine2_8  -0.1663
 h1_2  affine2_9  0.2724
 h1_2  affine2_10  0.3914
 h1_2  affine2_11  -0.0048
 h1_2  affine2_12  -0.0604
 h1_2  affine2_13  0.1064
 h1_2  affine2_14  -0.3466
 h1_2  affine2_15  -0.0561
 MARKER  'MARKER'  'INTORG'
 z1_2  upper1_2  -1.646
 z1_2  gate1_2  -1.3812
 MARKER  'MARKER'  'INTEND'
 a1_3  affine1_3  -1
 a1_3  above1_3  -1
 a1_3  upper1_3  1
 h1_3  above1_3  1
 h1_3  upper1_3  -1
 h1_3  gate1_3  1
 h1_3  affine2_0  -0.4211
 h1_3  affine2_1  -0.1212
 h1_3  affine2_2  0.239
 h1_3  affine2_3  -0.3996
 h1_3  affine2_4  -0.3704
 h1_3  affine2_5  -0.329
 h1_3  affine2_6  0.13
 h1_3  affine2_7  -0.3913
 h1_3  affine2_8  0.3648
 h1_3  affine2_9  0.1715
 h1_3  affine2_10  0.3081
 h1_3  affine2_11  -0.3261
 h1_3  affine2_12  -0.0398
 h1_3  affine2_13  0.2755
 h1_3  affine2_14  0.0149
 h1_3  affine2_15  -0.2439
 MARKER  'MARKER'  'INTORG'
 z1_3  upper1_3  -2.2598000000000003
 z1_3  gate1_3  -1.966
 MARKER  'MARKER'  'INTEND'
 a1_4  affine1_4  -1
 a1_4  above1_4  -1
 a1_4  upper1_4  1
 h1_4  above1_4  1
 h1_4  upper1_4  -1
 h1_4  gate1_4  1
 h1_4  affine2_0  0.3857
 h1_4  affine2_1  0.2467
 h1_4  affine2_2  0.1135
 h1_4  affine2_3  0.1438
 h1_4  affine2_4  0.0275
 h1_4  affine2_5  -0.1772
 h1_4  affine2_6  0.2458
 h1_4  affine2_7  -0.0909
 h1_4  affine2_8  0.0715
 h1_4  affine2_9  -0.2954
 h1_4  affine2_10  -0.4223
 h1_4  affine2_11  0.3302
 h1_4  affine2_12  0.0751
 h1_4  affine2_13  0.1261
 h1_4  affine2_14  -0.143
 h1_4  affine2_15  0.1333
 MARKER  'MARKER'  'INTORG'
 z1_4  upper1_4  -1.6828
 z1_4  gate1_4  -1.8132
 MARKER  'MARKER'  'INTEND'
 a1_5  affine1_5  -1
 a1_5  above1_5  -1
 a1_5  upper1_5  1
 h1_5  above1_5  1
 h1_5  upper1_5  -1
 h1_5  gate1_5  1
 h1_5  affine2_0  -0.3185
 h1_5  affine2_1  -0.3818
 h1_5  affine2_2  -0.1262
 h1_5  affine2_3  0.2919
 h1_5  affine2_4  0.2071
 h1_5  affine2_5  0.411
 h1_5  affine2_6  -0.4066
 h1_5  affine2_7  0.0351
 h1_5  affine2_8  -0.082
 h1_5  affine2_9  -0.1338
 h1_5  affine2_10  -0.058
 h1_5  affine2_11  0.4089
 h1_5  affine2_12  0.3184
 h1_5  affine2_13  0.4168
 h1_5  affine2_14  -0.0812
 h1_5  affine2_15  0.1961
 MARKER  'MARKER'  'INTORG'
 z1_5  upper1_5  -2.5724
 z1_5  gate1_5  -2.866
 MARKER  'MARKER'  'INTEND'
 a1_6  affine1_6  -1
 a1_6  above1_6  -1
 a1_6  upper1_6  1
 h1_6  above1_6  1
 h1_6  upper1_6  -1
 h1_6  gate1_6  1
 h1_6  affine2_0  0.0289
 h1_6  affine2_1  0.2052
 h1_6  affine2_2  0.3832
 h1_6  affine2_3  -0.1999
 h1_6  affine2_4  -0.3598
 h1_6  affine2_5  0.275
 h1_6  affine2_6  -0.427
 h1_6  affine2_7  0.3248
 h1_6  affine2_8  -0.365
 h1_6  affine2_9  0.1174
 h1_6  affine2_10  0.3327
 h1_6  affine2_11  -0.2402
 h1_6  affine2_12  -0.3231
 h1_6  affine2_13  -0.2945
 h1_6  affine2_14  0.2277
 h1_6  affine2_15  -0.1594
 MARKER  'MARKER'  'INTORG'
 z1_6  upper1_6  -2.1094
 z1_6  gate1_6  -2.492
 MARKER  'MARKER'  'INTEND'
 a1_7  affine1_7  -1
 a1_7  above1_7  -1
 a1_7  upper1_7  1
 h1_7  above1_7  1
 h1_7  upper1_7  -1
 h1_7  gate1_7  1
 h1_7  affine2_0  0.3483
 h1_7  affine2_1  0.2875
 h1_7  affine2_2  0.3706
 h1_7  affine2_3  0.3312
 h1_7  affine2_4  0.0509
 h1_7  affine2_5  -0.1153
 h1_7  affine2_6  0.3857
 h1_7  affine2_7  0.0982
 h1_7  affine2_8  0.1854
 h1_7  affine2_9  0.3818
 h1_7  affine2_10  -0.1159
 h1_7  affine2_11  -0.2887
 h1_7  affine2_12  0.4004
 h1_7  affine2_13  0.4184
 h1_7  affine2_14  -0.0748
 h1_7  affine2_15  0.3806
 MARKER  'MARKER'  'INTORG'
 z1_7  upper1_7  -2.4199
 z1_7  gate1_7  -2.3735
 MARKER  'MARKER'  'INTEND'
 a1_8  affine1_8  -1
 a1_8  above1_8  -1
 a1_8  upper1_8  1
 h1_8  above1_8  1
 h1_8  upper1_8  -1
 h1_8  gate1_8  1
 h1_8  affine2_0  -0.2927
 h1_8  affine2_1  0.1176
 h1_8  affine2_2  0.158
 h1_8  affine2_3  0.2168
 h1_8  affine2_4  -0.4179
 h1_8  affine2_5  -0.0348
 h1_8  affine2_6  0.2223
 h1_8  affine2_7  -0.2811
 h1_8  affine2_8  0.3288
 h1_8  affine2_9  0.2459
 h1_8  affine2_10  0.3848
 h1_8  affine2_11  -0.1821
 h1_8  affine2_12  -0.4032
 h1_8  affine2_13  -0.0952
 h1_8  affine2_14  -0.2447
 h1_8  affine2_15  0.1391
 MARKER  'MARKER'  'INTORG'
 z1_8  upper1_8  -1.4562
 z1_8  gate1_8  -1.2673999999999999
 MARKER  'MARKER'  'INTEND'
 a1_9  affine1_9  -1
 a1_9  above1_9  -1
 a1_9  upper1_9  1
 h1_9  above1_9  1
 h1_9  upper1_9  -1
 h1_9  gate1_9  1
 h1_9  affine2_0  -0.3907
 h1_9  affine2_1  0.3544
 h1_9  affine2_2  0.1143
 h1_9  affine2_3  0.0718
 h1_9  affine2_4  0.091
 h1_9  affine2_5  0.216
 h1_9  affine2_6  -0.0067
 h1_9  affine2_7  -0.0197
 h1_9  affine2_8  -0.4125
 h1_9  affine2_9  0.3836
 h1_9  affine2_10  0.1137
 h1_9  affine2_11  0.422
 h1_9  affine2_12  -0.4061
 h1_9  affine2_13  -0.2525
 h1_9  affine2_14  -0.2924
 h1_9  affine2_15  -0.3982
 MARKER  'MARKER'  'INTORG'
 z1_9  upper1_9  -2.4478999999999997
 z1_9  gate1_9  -2.1847
 MARKER  'MARKER'  'INTEND'
 a1_10  affine1_10  -1
 a1_10  above1_10  -1
 a1_10  upper1_10  1
 h1_10  above1_10  1
 h1_10  upper1_10  -1
 h1_10  gate1_10  1
 h1_10  affine2_0  0.2402
 h1_10  affine2_1  -0.3187
 h1_10  affine2_2  -0.2311
 h1_10  affine2_3  -0.1681
 h1_10  affine2_4  0.3484
 h1_10  affine2_5  -0.121
 h1_10  affine2_6  -0.1717
 h1_10  affine2_7  0.4212
 h1_10  affine2_8  -0.1372
 h1_10  affine2_9  0.416
 h1_10  affine2_10  0.3246
 h1_10  affine2_11  0.0686
 h1_10  affine2_12  -0.3798
 h1_10  affine2_13  0.0697
 h1_10  affine2_14  -0.2121
 h1_10  affine2_15  -0.2634
 MARKER  'MARKER'  'INTORG'
 z1_10  upper1_10  -1.4837
 z1_10  gate1_10  -1.2367
 MARKER  'MARKER'  'INTEND'
 a1_11  affine1_11  -1
 a1_11  above1_11  -1
 a1_11  upper1_11  1
 h1_11  above1_11  1
 h1_11  upper1_11  -1
 h1_11  gate1_11  1
 h1_11  affine2_0  -0.2691
 h1_11  affine2_1  0.0206
 h1_11  affine2_2  -0.3326
 h1_11  affine2_3  0.2959
 h1_11  affine2_4  0.2947
 h1_11  affine2_5  -0.0961
 h1_11  affine2_6  0.0116
 h1_11  affine2_7  -0.2812
 h1_11  affine2_8  0.3867
 h1_11  affine2_9  -0.112
 h1_11  affine2_10  0.1557
 h1_11  affine2_11  -0.3721
 h1_11  affine2_12  -0.0514
 h1_11  affine2_13  -0.0066
 h1_11  affine2_14  0.3245
 h1_11  affine2_15  -0.1078
 MARKER  'MARKER'  'INTORG'
 z1_11  upper1_11  -1.622
 z1_11  gate1_11  -1.357
 MARKER  'MARKER'  'INTEND'
 a1_12  affine1_12  -1
 a1_12  above1_12  -1
 a1_12  upper1_12  1
 h1_12  above1_12  1
 h1_12  upper1_12  -1
 h1_12  gate1_12  1
 h1_12  affine2_0  0.318
 h1_12  affine2_1  -0.4077
 h1_12  affine2_2  -0.0056
 h1_12  affine2_3  -0.3467
 h1_12  affine2_4  0.011
 h1_12  affine2_5  -0.0617
 h1_12  affine2_6  -0.1206
 h1_12  affine2_7  0.1029
 h1_12  affine2_8  -0.215
 h1_12  affine2_9  -0.3494
 h1_12  affine2_10  -0.0294
 h1_12  affine2_11  0.0895
 h1_12  affine2_12  -0.0079
 h1_12  affine2_13  0.4004
 h1_12  affine2_14  -0.0962
 h1_12  affine2_15  -0.371
 MARKER  'MARKER'  'INTORG'
 z1_12  upper1_12  -2.1754000000000002
 z1_12  gate1_12  -2.4478
 MARKER  'MARKER'  'INTEND'
 a1_13  affine1_13  -1
 a1_13  above1_13  -1
 a1_13  upper1_13  1
 h1_13  above1_13  1
 h1_13  upper1_13  -1
 h1_13  gate1_13  1
 h1_13  affine2_0  0.3927
 h1_13  affine2_1  -0.1755
 h1_13  affine2_2  -0.223
 h1_13  affine2_3  -0.3077
 h1_13  affine2_4  0.3623
 h1_13  affine2_5  -0.1451
 h1_13  affine2_6  -0.3054
 h1_13  affine2_7  -0.028
 h1_13  affine2_8  -0.0518
 h1_13  affine2_9  0.2052
 h1_13  affine2_10  -0.3863
 h1_13  affine2_11  -0.367
 h1_13  affine2_12  -0.1189
 h1_13  affine2_13  0.1964
 h1_13  affine2_14  0.2919
 h1_13  affine2_15  -0.0349
 MARKER  'MARKER'  'INTORG'
 z1_13  upper1_13  -1.4185
 z1_13  gate1_13  -1.2397
 MARKER  'MARKER'  'INTEND'
 a1_14  affine1_14  -1
 a1_14  above1_14  -1
 a1_14  upper1_14  1
 h1_14  above1_14  1
 h1_14  upper1_14  -1
 h1_14  gate1_14  1
 h1_14  affine2_0  -0.2577
 h1_14  affine2_1  -0.3895
 h1_14  affine2_2  -0.3177
 h1_14  affine2_3  0.2667
 h1_14  affine2_4  0.2436
 h1_14  affine2_5  -0.3449
 h1_14  affine2_6  0.2598
 h1_14  affine2_7  -0.3953
 h1_14  affine2_8  -0.2703
 h1_14  affine2_9  0.1586
 h1_14  affine2_10  -0.1949
 h1_14  affine2_11  -0.4093
 h1_14  affine2_12  0.0326
 h1_14  affine2_13  0.0309
 h1_14  affine2_14  -0.2691
 h1_14  affine2_15  0.285
 MARKER  'MARKER'  'INTORG'
 z1_14  upper1_14  -2.29
 z1_14  gate1_14  -2.3286000000000002
 MARKER  'MARKER'  'INTEND'
 a1_15  affine1_15  -1
 a1_15  above1_15  -1
 a1_15  upper1_15  1
 h1_15  above1_15  1
 h1_15  upper1_15  -1
 h1_15  gate1_15  1
 h1_15  affine2_0  -0.1526
 h1_15  affine2_1  -0.1592
 h1_15  affine2_2  -0.2312
 h1_15  affine2_3  0.3628
 h1_15  affine2_4  0.3807
 h1_15  affine2_5  -0.0431
 h1_15  affine2_6  0.159
 h1_15  affine2_7  -0.0587
 h1_15  affine2_8  -0.0708
 h1_15  affine2_9  0.2441
 h1_15  affine2_10  -0.2818
 h1_15  affine2_11  0.2552
 h1_15  affine2_12  -0.1529
 h1_15  affine2_13  0.1033
 h1_15  affine2_14  -0.09
 h1_15  affine2_15  0.2275
 MARKER  'MARKER'  'INTORG'
 z1_15  upper1_15  -1.676
 z1_15  gate1_15  -1.7694
 MARKER  'MARKER'  'INTEND'
 a2_0  affine2_0  -1
 a2_0  above2_0  -1
 a2_0  upper2_0  1
 h2_0  above2_0  1
 h2_0  upper2_0  -1
 h2_0  gate2_0  1
 h2_0  affine3_0  -0.0161
 h2_0  affine3_1  -0.14
 h2_0  affine3_2  0.1864
 MARKER  'MARKER'  'INTORG'
 z2_0  upper2_0  -4.210145829999999
 z2_0  gate2_0  -3.79241441
 MARKER  'MARKER'  'INTEND'
 a2_1  affine2_1  -1
 a2_1  above2_1  -1
 a2_1  upper2_1  1
 h2_1  above2_1  1
 h2_1  upper2_1  -1
 h2_1  gate2_1  1
 h2_1  affine3_0  0.3771
 h2_1  affine3_1  0.0497
 h2_1  affine3_2  0.3988
 MARKER  'MARKER'  'INTORG'
 z2_1  upper2_1  -5.10485756
 z2_1  gate2_1  -2.6960547699999995
 MARKER  'MARKER'  'INTEND'
 a2_2  affine2_2  -1
 a2_2  above2_2  -1
 a2_2  upper2_2  1
 h2_2  above2_2  1
 h2_2  upper2_2  -1
 h2_2  gate2_2  1
 h2_2  affine3_0  0.3296
 h2_2  affine3_1  -0.2995
 h2_2  affine3_2  -0.3904
 MARKER  'MARKER'  'INTORG'
 z2_2  upper2_2  -3.45605177
 z2_2  gate2_2  -3.02548611
 MARKER  'MARKER'  'INTEND'
 a2_3  affine2_3  -1
 a2_3  above2_3  -1
 a2_3  upper2_3  1
 h2_3  above2_3  1
 h2_3  upper2_3  -1
 h2_3  gate2_3  1
 h2_3  affine3_0  -0.0252
 h2_3  affine3_1  0.1184
 h2_3  affine3_2  -0.2883
 MARKER  'MARKER'  'INTORG'
 z2_3  upper2_3  -4.0992263
 z2_3  gate2_3  -3.86647278
 MARKER  'MARKER'  'INTEND'
 a2_4  affine2_4  -1
 a2_4  above2_4  -1
 a2_4  upper2_4  1
 h2_4  above2_4  1
 h2_4  upper2_4  -1
 h2_4  gate2_4  1
 h2_4  affine3_0  -0.0151
 h2_4  affine3_1  -0.2771
 h2_4  affine3_2  0.3484
 MARKER  'MARKER'  'INTORG'
 z2_4  upper2_4  -2.70523682
 z2_4  gate2_4  -4.2540752500000005
 MARKER  'MARKER'  'INTEND'
 a2_5  affine2_5  -1
 a2_5  above2_5  -1
 a2_5  upper2_5  1
 h2_5  above2_5  1
 h2_5  upper2_5  -1
 h2_5  gate2_5  1
 h2_5  affine3_0  -0.2924
 h2_5  affine3_1  -0.0025
 h2_5  affine3_2  -0.3822
 MARKER  'MARKER'  'INTORG'
 z2_5  upper2_5  -3.8142805500000003
 z2_5  gate2_5  -2.48124393
 MARKER  'MARKER'  'INTEND'
 a2_6  affine2_6  -1
 a2_6  above2_6  -1
 a2_6  upper2_6  1
 h2_6  above2_6  1
 h2_6  upper2_6  -1
 h2_6  gate2_6  1
 h2_6  affine3_0  0.2944
 h2_6  affine3_1  -0.0158
 h2_6  affine3_2  0.3556
 MARKER  'MARKER'  'INTORG'
 z2_6  upper2_6  -4.4692245
 z2_6  gate2_6  -2.9520126099999997
 MARKER  'MARKER'  'INTEND'
 a2_7  affine2_7  -1
 a2_7  above2_7  -1
 a2_7  upper2_7  1
 h2_7  above2_7  1
 h2_7  upper2_7  -1
 h2_7  gate2_7  1
 h2_7  affine3_0  -0.3586
 h2_7  affine3_1  0.1277
 h2_7  affine3_2  -0.0921
 MARKER  'MARKER'  'INTORG'
 z2_7  upper2_7  -2.66927977
 z2_7  gate2_7  -3.65719536
 MARKER  'MARKER'  'INTEND'
 a2_8  affine2_8  -1
 a2_8  above2_8  -1
 a2_8  upper2_8  1
 h2_8  above2_8  1
 h2_8  upper2_8  -1
 h2_8  gate2_8  1
 h2_8  affine3_0  0.4312
 h2_8  affine3_1  -0.0566
 h2_8  affine3_2  0.2648
 MARKER  'MARKER'  'INTORG'
 z2_8  upper2_8  -3.8862371099999997
 z2_8  gate2_8  -2.69599455
 MARKER  'MARKER'  'INTEND'
 a2_9  affine2_9  -1
 a2_9  above2_9  -1
 a2_9  upper2_9  1
 h2_9  above2_9  1
 h2_9  upper2_9  -1
 h2_9  gate2_9  1
 h2_9  affine3_0  -0.1399
 h2_9  affine3_1  -0.1227
 h2_9  affine3_2  0.2311
 MARKER  'MARKER'  'INTORG'
 z2_9  upper2_9  -1.9356900699999997
 z2_9  gate2_9  -5.050669449999999
 MARKER  'MARKER'  'INTEND'
 a2_10  affine2_10  -1
 a2_10  above2_10  -1
 a2_10  upper2_10  1
 h2_10  above2_10  1
 h2_10  upper2_10  -1
 h2_10  gate2_10  1
 h2_10  affine3_0  0.2583
 h2_10  affine3_1  -0.3381
 h2_10  affine3_2  0.1062
 MARKER  'MARKER'  'INTORG'
 z2_10  upper2_10  -3.12877917
 z2_10  gate2_10  -3.7099376399999997
 MARKER  'MARKER'  'INTEND'
 a2_11  affine2_11  -1
 a2_11  above2_11  -1
 a2_11  upper2_11  1
 h2_11  above2_11  1
 h2_11  upper2_11  -1
 h2_11  gate2_11  1
 h2_11  affine3_0  -0.3123
 h2_11  affine3_1  0.0722
 h2_11  affine3_2  0.409
 MARKER  'MARKER'  'INTORG'
 z2_11  upper2_11  -4.5940924800000005
 z2_11  gate2_11  -3.35703604
 MARKER  'MARKER'  'INTEND'
 a2_12  affine2_12  -1
 a2_12  above2_12  -1
 a2_12  upper2_12  1
 h2_12  above2_12  1
 h2_12  upper2_12  -1
 h2_12  gate2_12  1
 h2_12  affine3_0  -0.142
 h2_12  affine3_1  0.1478
 h2_12  affine3_2  0.1266
 MARKER  'MARKER'  'INTORG'
 z2_12  upper2_12  -3.4390864999999997
 z2_12  gate2_12  -2.9290719599999995
 MARKER  'MARKER'  'INTEND'
 a2_13  affine2_13  -1
 a2_13  above2_13  -1
 a2_13  upper2_13  1
 h2_13  above2_13  1
 h2_13  upper2_13  -1
 h2_13  gate2_13  1
 h2_13  affine3_0  0.3709
 h2_13  affine3_1  0.0798
 h2_13  affine3_2  -0.1034
 MARKER  'MARKER'  'INTORG'
 z2_13  upper2_13  -2.05685243
 z2_13  gate2_13  -4.5470467999999995
 MARKER  'MARKER'  'INTEND'
 a2_14  affine2_14  -1
 a2_14  above2_14  -1
 a2_14  upper2_14  1
 h2_14  above2_14  1
 h2_14  upper2_14  -1
 h2_14  gate2_14  1
 h2_14  affine3_0  0.0263
 h2_14  affine3_1  -0.0143
 h2_14  affine3_2  -0.1566
 MARKER  'MARKER'  'INTORG'
 z2_14  upper2_14  -3.50046227
 z2_14  gate2_14  -2.56249733
 MARKER  'MARKER'  'INTEND'
 a2_15  affine2_15  -1
 a2_15  above2_15  -1
 a2_15  upper2_15  1
 h2_15  above2_15  1
 h2_15  upper2_15  -1
 h2_15  gate2_15  1
 h2_15  affine3_0  0.2605
 h2_15  affine3_1  -0.2565
 h2_15  affine3_2  -0.249
 MARKER  'MARKER'  'INTORG'
 z2_15  upper2_15  -3.41085767
 z2_15  gate2_15  -2.8499611
 MARKER  'MARKER'  'INTEND'
 a3_0  margin  1
 a3_0  affine3_0  -1
 a3_1  margin  -1
 a3_1  affine3_1  -1
 a3_2  affine3_2  -1
RHS
 RHS  affine1_0  -0.0347
 RHS  upper1_0  -1.4117
 RHS  affine1_1  -0.0787
 RHS  upper1_1  -1.6593
 RHS  affine1_2  0.1324
 RHS  upper1_2  -1.646
 RHS  affine1_3  0.1469
 RHS  upper1_3  -2.2598000000000003
 RHS  affine1_4  -0.0652
 RHS  upper1_4  -1.6828
 RHS  affine1_5  -0.1468
 RHS  upper1_5  -2.5724
 RHS  affine1_6  -0.1913
 RHS  upper1_6  -2.1094
 RHS  affine1_7  0.0232
 RHS  upper1_7  -2.4199
 RHS  affine1_8  0.0944
 RHS  upper1_8  -1.4562
 RHS  affine1_9  0.1316
 RHS  upper1_9  -2.4478999999999997
 RHS  affine1_10  0.1235
 RHS  upper1_10  -1.4837
 RHS  affine1_11  0.1325
 RHS  upper1_11  -1.622
 RHS  affine1_12  -0.1362
 RHS  upper1_12  -2.1754000000000002
 RHS  affine1_13  0.0894
 RHS  upper1_13  -1.4185
 RHS  affine1_14  -0.0193
 RHS  upper1_14  -2.29
 RHS  affine1_15  -0.0467
 RHS  upper1_15  -1.676
 RHS  affine2_0  -0.0881
 RHS  upper2_0  -4.210145829999999
 RHS  affine2_1  0.1225
 RHS  upper2_1  -5.10485756
 RHS  affine2_2  -0.0653
 RHS  upper2_2  -3.45605177
 RHS  affine2_3  0.1131
 RHS  upper2_3  -4.0992263
 RHS  affine2_4  -0.0728
 RHS  upper2_4  -2.70523682
 RHS  affine2_5  0.0676
 RHS  upper2_5  -3.8142805500000003
 RHS  affine2_6  -0.1515
 RHS  upper2_6  -4.4692245
 RHS  affine2_7  -0.1048
 RHS  upper2_7  -2.66927977
 RHS  affine2_8  0.0959
 RHS  upper2_8  -3.8862371099999997
 RHS  affine2_9  -0.1235
 RHS  upper2_9  -1.9356900699999997
 RHS  affine2_10  -0.1631
 RHS  upper2_10  -3.12877917
 RHS  affine2_11  0.091
 RHS  upper2_11  -4.5940924800000005
 RHS  affine2_12  0.0973
 RHS  upper2_12  -3.4390864999999997
 RHS  affine2_13  0.1512
 RHS  upper2_13  -2.05685243
 RHS  affine2_14  0.1196
 RHS  upper2_14  -3.50046227
 RHS  affine2_15  0.0996
 RHS  upper2_15  -3.41085767
 RHS  affine3_0  0.1955
 RHS  affine3_1  0.0639
 RHS  affine3_2  -0.1469
BOUNDS
 LO  BND  x0   -1
 UP  BND  x0   1
 LO  BND  x1   -1
 UP  BND  x1   1
 LO  BND  x2   -1
 UP  BND  x2   1
 LO  BND  x3   -1
 UP  BND  x3   1
 LO  BND  x4   -1
 UP  BND  x4   1
 LO  BND  a1_0  -1.4117
 UP  BND  a1_0  1.4810999999999999
 UP  BND  h1_0  1.4810999999999999
 UP  BND  z1_0  1
 LO  BND  a1_1  -1.6593
 UP  BND  a1_1  1.8167
 UP  BND  h1_1  1.8167
 UP  BND  z1_1  1
 LO  BND  a1_2  -1.646
 UP  BND  a1_2  1.3812
 UP  BND  h1_2  1.3812
 UP  BND  z1_2  1
 LO  BND  a1_3  -2.2598000000000003
 UP  BND  a1_3  1.966
 UP  BND  h1_3  1.966
 UP  BND  z1_3  1
 LO  BND  a1_4  -1.6828
 UP  BND  a1_4  1.8132
 UP  BND  h1_4  1.8132
 UP  BND  z1_4  1
 LO  BND  a1_5  -2.5724
 UP  BND  a1_5  2.866
 UP  BND  h1_5  2.866
 UP  BND  z1_5  1
 LO  BND  a1_6  -2.1094
 UP  BND  a1_6  2.492
 UP  BND  h1_6  2.492
 UP  BND  z1_6  1
 LO  BND  a1_7  -2.4199
 UP  BND  a1_7  2.3735
 UP  BND  h1_7  2.3735
 UP  BND  z1_7  1
 LO  BND  a1_8  -1.4562
 UP  BND  a1_8  1.2673999999999999
 UP  BND  h1_8  1.2673999999999999
 UP  BND  z1_8  1
 LO  BND  a1_9  -2.4478999999999997
 UP  BND  a1_9  2.1847
 UP  BND  h1_9  2.1847
 UP  BND  z1_9  1
 LO  BND  a1_10  -1.4837
 UP  BND  a1_10  1.2367
 UP  BND  h1_10  1.2367
 UP  BND  z1_10  1
 LO  BND  a1_11  -1.622
 UP  BND  a1_11  1.357
 UP  BND  h1_11  1.357
 UP  BND  z1_11  1
 LO  BND  a1_12  -2.1754000000000002
 UP  BND  a1_12  2.4478
 UP  BND  h1_12  2.4478
 UP  BND  z1_12  1
 LO  BND  a1_13  -1.4185
 UP  BND  a1_13  1.2397
 UP  BND  h1_13  1.2397
 UP  BND  z1_13  1
 LO  BND  a1_14  -2.29
 UP  BND  a1_14  2.3286000000000002
 UP  BND  h1_14  2.3286000000000002
 UP  BND  z1_14  1
 LO  BND  a1_15  -1.676
 UP  BND  a1_15  1.7694
 UP  BND  h1_15  1.7694
 UP  BND  z1_15  1
 LO  BND  a2_0  -4.210145829999999
 UP  BND  a2_0  3.79241441
 UP  BND  h2_0  3.79241441
 UP  BND  z2_0  1
 LO  BND  a2_1  -5.10485756
 UP  BND  a2_1  2.6960547699999995
 UP  BND  h2_1  2.6960547699999995
 UP  BND  z2_1  1
 LO  BND  a2_2  -3.45605177
 UP  BND  a2_2  3.02548611
 UP  BND  h2_2  3.02548611
 UP  BND  z2_2  1
 LO  BND  a2_3  -4.0992263
 UP  BND  a2_3  3.86647278
 UP  BND  h2_3  3.86647278
 UP  BND  z2_3  1
 LO  BND  a2_4  -2.70523682
 UP  BND  a2_4  4.2540752500000005
 UP  BND  h2_4  4.2540752500000005
 UP  BND  z2_4  1
 LO  BND  a2_5  -3.8142805500000003
 UP  BND  a2_5  2.48124393
 UP  BND  h2_5  2.48124393
 UP  BND  z2_5  1
 LO  BND  a2_6  -4.4692245
 UP  BND  a2_6  2.9520126099999997
 UP  BND  h2_6  2.9520126099999997
 UP  BND  z2_6  1
 LO  BND  a2_7  -2.66927977
 UP  BND  a2_7  3.65719536
 UP  BND  h2_7  3.65719536
 UP  BND  z2_7  1
 LO  BND  a2_8  -3.8862371099999997
 UP  BND  a2_8  2.69599455
 UP  BND  h2_8  2.69599455
 UP  BND  z2_8  1
 LO  BND  a2_9  -1.9356900699999997
 UP  BND  a2_9  5.050669449999999
 UP  BND  h2_9  5.050669449999999
 UP  BND  z2_9  1
 LO  BND  a2_10  -3.12877917
 UP  BND  a2_10  3.7099376399999997
 UP  BND  h2_10  3.7099376399999997
 UP  BND  z2_10  1
 LO  BND  a2_11  -4.5940924800000005
 UP  BND  a2_11  3.35703604
 UP  BND  h2_11  3.35703604
 UP  BND  z2_11  1
 LO  BND  a2_12  -3.4390864999999997
 UP  BND  a2_12  2.9290719599999995
 UP  BND  h2_12  2.9290719599999995
 UP  BND  z2_12  1
 LO  BND  a2_13  -2.05685243
 UP  BND  a2_13  4.5470467999999995
 UP  BND  h2_13  4.5470467999999995
 UP  BND  z2_13  1
 LO  BND  a2_14  -3.50046227
 UP  BND  a2_14  2.56249733
 UP  BND  h2_14  2.56249733
 UP  BND  z2_14  1
 LO  BND  a2_15  -3.41085767
 UP  BND  a2_15  2.8499611
 UP  BND  h2_15  2.8499611
 UP  BND  z2_15  1
 LO  BND  a3_0  -4.6261347332269995
 UP  BND  a3_0  7.304552934827999
 LO  BND  a3_1  -5.526919351281
 UP  BND  a3_1  2.033057319109
 LO  BND  a3_2  -5.015205037418
 UP  BND  a3_2  8.479800884114999
ENDATA
