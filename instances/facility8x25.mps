NAME          facility8x25_3
ROWS
 N   cost
 E   demand0
 E   demand1
 E   demand2
 E   demand3
 E   demand4
 E   demand5
 E   demand6
 E   demand7
 E   demand8
 E   demand9
 E   demand10
 E   demand11
 E   demand12
 E   demand13
 E   demand14
 E   demand15
 E   demand16
 E   demand17
 E   demand18
 E   demand19
 E   demand20
 E   demand21
 E   demand22
 E   demand23
 E   demand24
 L   capacity0
 L   link0_0
 L   link0_1
 L   link0_2
 L   link0_3
 L   link0_4
 L   link0_5
 L   link0_6
 L   link0_7
 L   link0_8
 L   link0_9
 L   link0_10
 L   link0_11
 L   link0_12
 L   link0_13
 L   link0_14
 L   link0_15
 L   link0_16
 L   link0_17
 L   link0_18
 L   link0_19
 L   link0_20
 L   link0_21
 L   link0_22
 L   link0_23
 L   link0_24
 L   capacity1
 L   link1_0
 L   link1_1
 L   link1_2
 L   link1_3
 L   link1_4
 L   link1_5
 L   link1_6
 L   link1_7
 L   link1_8
 L   link1_9
 L   link1_10
 L   link1_11
 L   link1_12
 L   link1_13
 L   link1_14
 L   link1_15
 L   link1_16
 L   link1_17
 L   link1_18
 L   link1_19
 L   link1_20
 L   link1_21
 L   link1_22
 L   link1_23
 L   link1_24
 L   capacity2
 L   link2_0
 L   link2_1
 L   link2_2
 L   link2_3
 L   link2_4
 L   link2_5
 L   link2_6
 L   link2_7
 L   link2_8
 L   link2_9
 L   link2_10
 L   link2_11
 L   link2_12
 L   link2_13
 L   link2_14
 L   link2_15
 L   link2_16
 L   link2_17
 L   link2_18
 L   link2_19
 L   link2_20
 L   link2_21
 L   link2_22
 L   link2_23
 L   link2_24
 L   capacity3
 L   link3_0
 L   link3_1
 L   link3_2
 L   link3_3
 L   link3_4
 L   link3_5
 L   link3_6
 L   link3_7
 L   link3_8
 L   link3_9
 L   link3_10
 L   link3_11
 L   link3_12
 L   link3_13
 L   link3_14
 L   link3_15
 L   link3_16
 L   link3_17
 L   link3_18
 L   link3_19
 L   link3_20
 L   link3_21
 L   link3_22
 L   link3_23
 L   link3_24
 L   capacity4
 L   link4_0
 L   link4_1
 L   link4_2
 L   link4_3
 L   link4_4
 L   link4_5
 L   link4_6
 L   link4_7
 L   link4_8
 L   link4_9
 L   link4_10
 L   link4_11
 L   link4_12
 L   link4_13
 L   link4_14
 L   link4_15
 L   link4_16
 L   link4_17
 L   link4_18
 L   link4_19
 L   link4_20
 L   link4_21
 L   link4_22
 L   link4_23
 L   link4_24
 L   capacity5
 L   link5_0
 L   link5_1
 L   link5_2
 L   link5_3
 L   link5_4
 L   link5_5
 L   link5_6
 L   link5_7
 L   link5_8
 L   link5_9
 L   link5_10
 L   link5_11
 L   link5_12
 L   link5_13
 L   link5_14
 L   link5_15
 L   link5_16
 L   link5_17
 L   link5_18
 L   link5_19
 L   link5_20
 L   link5_21
 L   link5_22
 L   link5_23
 L   link5_24
 L   capacity6
 L   link6_0
 L   link6_1
 L   link6_2
 L   link6_3
 L   link6_4
 L   link6_5
 L   link6_6
 L   link6_7
 L   link6_8
 L   link6_9
 L   link6_10
 L   link6_11
 L   link6_12
 L   link6_13
 L   link6_14
 L   link6_15
 L   link6_16
 L   link6_17
 L   link6_18
 L   link6_19
 L   link6_20
 L   link6_21
 L   link6_22
 L   link6_23
 L   link6_24
 L   capacity7
 L   link7_0
 L   link7_1
 L   link7_2
 L   link7_3
 L   link7_4
 L   link7_5
 L   link7_6
 L   link7_7
 L   link7_8
 L   link7_9
 L   link7_10
 L   link7_11
 L   link7_12
 L   link7_13
 L   link7_14
 L   link7_15
 L   link7_16
 L   link7_17
 L   link7_18
 L   link7_19
 L   link7_20
 L   link7_21
 L   link7_22
 L   link7_23
 L   link7_24
COLUMNS
 MARKER  'MARKER'  'INTORG'
 open0  cost   567
 open0  capacity0  -180
 open0  link0_0  -14
 open0  link0_1  -34
 open0  link0_2  -18
 open0  link0_3  -8
 open0  link0_4  -14
 open0  link0_5  -18
 open0  link0_6  -12
 open0  link0_7  -31
 open0  link0_8  -31
 open0  link0_9  -24
 open0  link0_10  -33
 open0  link0_11  -30
 open0  link0_12  -26
 open0  link0_13  -30
 open0  link0_14  -25
 open0  link0_15  -25
 open0  link0_16  -5
 open0  link0_17  -9
 open0  link0_18  -7
 open0  link0_19  -22
 open0  link0_20  -27
 open0  link0_21  -18
 open0  link0_22  -24
 open0  link0_23  -17
 open0  link0_24  -5
 open1  cost   584
 open1  capacity1  -210
 open1  link1_0  -14
 open1  link1_1  -34
 open1  link1_2  -18
 open1  link1_3  -8
 open1  link1_4  -14
 open1  link1_5  -18
 open1  link1_6  -12
 open1  link1_7  -31
 open1  link1_8  -31
 open1  link1_9  -24
 open1  link1_10  -33
 open1  link1_11  -30
 open1  link1_12  -26
 open1  link1_13  -30
 open1  link1_14  -25
 open1  link1_15  -25
 open1  link1_16  -5
 open1  link1_17  -9
 open1  link1_18  -7
 open1  link1_19  -22
 open1  link1_20  -27
 open1  link1_21  -18
 open1  link1_22  -24
 open1  link1_23  -17
 open1  link1_24  -5
 open2  cost   483
 open2  capacity2  -136
 open2  link2_0  -14
 open2  link2_1  -34
 open2  link2_2  -18
 open2  link2_3  -8
 open2  link2_4  -14
 open2  link2_5  -18
 open2  link2_6  -12
 open2  link2_7  -31
 open2  link2_8  -31
 open2  link2_9  -24
 open2  link2_10  -33
 open2  link2_11  -30
 open2  link2_12  -26
 open2  link2_13  -30
 open2  link2_14  -25
 open2  link2_15  -25
 open2  link2_16  -5
 open2  link2_17  -9
 open2  link2_18  -7
 open2  link2_19  -22
 open2  link2_20  -27
 open2  link2_21  -18
 open2  link2_22  -24
 open2  link2_23  -17
 open2  link2_24  -5
 open3  cost   536
 open3  capacity3  -235
 open3  link3_0  -14
 open3  link3_1  -34
 open3  link3_2  -18
 open3  link3_3  -8
 open3  link3_4  -14
 open3  link3_5  -18
 open3  link3_6  -12
 open3  link3_7  -31
 open3  link3_8  -31
 open3  link3_9  -24
 open3  link3_10  -33
 open3  link3_11  -30
 open3  link3_12  -26
 open3  link3_13  -30
 open3  link3_14  -25
 open3  link3_15  -25
 open3  link3_16  -5
 open3  link3_17  -9
 open3  link3_18  -7
 open3  link3_19  -22
 open3  link3_20  -27
 open3  link3_21  -18
 open3  link3_22  -24
 open3  link3_23  -17
 open3  link3_24  -5
 open4  cost   454
 open4  capacity4  -166
 open4  link4_0  -14
 open4  link4_1  -34
 open4  link4_2  -18
 open4  link4_3  -8
 open4  link4_4  -14
 open4  link4_5  -18
 open4  link4_6  -12
 open4  link4_7  -31
 open4  link4_8  -31
 open4  link4_9  -24
 open4  link4_10  -33
 open4  link4_11  -30
 open4  link4_12  -26
 open4  link4_13  -30
 open4  link4_14  -25
 open4  link4_15  -25
 open4  link4_16  -5
 open4  link4_17  -9
 open4  link4_18  -7
 open4  link4_19  -22
 open4  link4_20  -27
 open4  link4_21  -18
 open4  link4_22  -24
 open4  link4_23  -17
 open4  link4_24  -5
 open5  cost   310
 open5  capacity5  -200
 open5  link5_0  -14
 open5  link5_1  -34
 open5  link5_2  -18
 open5  link5_3  -8
 open5  link5_4  -14
 open5  link5_5  -18
 open5  link5_6  -12
 open5  link5_7  -31
 open5  link5_8  -31
 open5  link5_9  -24
 open5  link5_10  -33
 open5  link5_11  -30
 open5  link5_12  -26
 open5  link5_13  -30
 open5  link5_14  -25
 open5  link5_15  -25
 open5  link5_16  -5
 open5  link5_17  -9
 open5  link5_18  -7
 open5  link5_19  -22
 open5  link5_20  -27
 open5  link5_21  -18
 open5  link5_22  -24
 open5  link5_23  -17
 open5  link5_24  -5
 open6  cost   448
 open6  capacity6  -136
 open6  link6_0  -14
 open6  link6_1  -34
 open6  link6_2  -18
 open6  link6_3  -8
 open6  link6_4  -14
 open6  link6_5  -18
 open6  link6_6  -12
 open6  link6_7  -31
 open6  link6_8  -31
 open6  link6_9  -24
 open6  link6_10  -33
 open6  link6_11  -30
 open6  link6_12  -26
 open6  link6_13  -30
 open6  link6_14  -25
 open6  link6_15  -25
 open6  link6_16  -5
 open6  link6_17  -9
 open6  link6_18  -7
 open6  link6_19  -22
 open6  link6_20  -27
 open6  link6_21  -18
 open6  link6_22  -24
 open6  link6_23  -17
 open6  link6_24  -5
 open7  cost   480
 open7  capacity7  -169
 open7  link7_0  -14
 open7  link7_1  -34
 open7  link7_2  -18
 open7  link7_3  -8
 open7  link7_4  -14
 open7  link7_5  -18
 open7  link7_6  -12
 open7  link7_7  -31
 open7  link7_8  -31
 open7  link7_9  -24
 open7  link7_10  -33
 open7  link7_11  -30
 open7  link7_12  -26
 open7  link7_13  -30
 open7  link7_14  -25
 open7  link7_15  -25
 open7  link7_16  -5
 open7  link7_17  -9
 open7  link7_18  -7
 open7  link7_19  -22
 open7  link7_20  -27
 open7  link7_21  -18
 open7  link7_22  -24
 open7  link7_23  -17
 open7  link7_24  -5
 MARKER  'MARKER'  'INTEND'
 ship0_0  cost  6.3
 ship0_0  demand0  1
 ship0_0  capacity0  1
 ship0_0  link0_0  1
 ship0_1  cost  1.3
 ship0_1  demand1  1
 ship0_1  capacity0  1
 ship0_1  link0_1  1
 ship0_2  cost  7.4
 ship0_2  demand2  1
 ship0_2  capacity0  1
 ship0_2  link0_2  1
 ship0_3  cost  7.5
 ship0_3  demand3  1
 ship0_3  capacity0  1
 ship0_3  link0_3  1
 ship0_4  cost  5.4
 ship0_4  demand4  1
 ship0_4  capacity0  1
 ship0_4  link0_4  1
 ship0_5  cost  5.9
 ship0_5  demand5  1
 ship0_5  capacity0  1
 ship0_5  link0_5  1
 ship0_6  cost  5.5
 ship0_6  demand6  1
 ship0_6  capacity0  1
 ship0_6  link0_6  1
 ship0_7  cost  5.8
 ship0_7  demand7  1
 ship0_7  capacity0  1
 ship0_7  link0_7  1
 ship0_8  cost  2.1
 ship0_8  demand8  1
 ship0_8  capacity0  1
 ship0_8  link0_8  1
 ship0_9  cost  5.8
 ship0_9  demand9  1
 ship0_9  capacity0  1
 ship0_9  link0_9  1
 ship0_10  cost  3.6
 ship0_10  demand10  1
 ship0_10  capacity0  1
 ship0_10  link0_10  1
 ship0_11  cost  4.2
 ship0_11  demand11  1
 ship0_11  capacity0  1
 ship0_11  link0_11  1
 ship0_12  cost  2
 ship0_12  demand12  1
 ship0_12  capacity0  1
 ship0_12  link0_12  1
 ship0_13  cost  6.1
 ship0_13  demand13  1
 ship0_13  capacity0  1
 ship0_13  link0_13  1
 ship0_14  cost  2.4
 ship0_14  demand14  1
 ship0_14  capacity0  1
 ship0_14  link0_14  1
 ship0_15  cost  10.4
 ship0_15  demand15  1
 ship0_15  capacity0  1
 ship0_15  link0_15  1
 ship0_16  cost  7
 ship0_16  demand16  1
 ship0_16  capacity0  1
 ship0_16  link0_16  1
 ship0_17  cost  5.7
 ship0_17  demand17  1
 ship0_17  capacity0  1
 ship0_17  link0_17  1
 ship0_18  cost  4.5
 ship0_18  demand18  1
 ship0_18  capacity0  1
 ship0_18  link0_18  1
 ship0_19  cost  4.1
 ship0_19  demand19  1
 ship0_19  capacity0  1
 ship0_19  link0_19  1
 ship0_20  cost  0.5
 ship0_20  demand20  1
 ship0_20  capacity0  1
 ship0_20  link0_20  1
 ship0_21  cost  5.9
 ship0_21  demand21  1
 ship0_21  capacity0  1
 ship0_21  link0_21  1
 ship0_22  cost  5.5
 ship0_22  demand22  1
 ship0_22  capacity0  1
 ship0_22  link0_22  1
 ship0_23  cost  8.2
 ship0_23  demand23  1
 ship0_23  capacity0  1
 ship0_23  link0_23  1
 ship0_24  cost  5.1
 ship0_24  demand24  1
 ship0_24  capacity0  1
 ship0_24  link0_24  1
 ship1_0  cost  3.1
 ship1_0  demand0  1
 ship1_0  capacity1  1
 ship1_0  link1_0  1
 ship1_1  cost  6.8
 ship1_1  demand1  1
 ship1_1  capacity1  1
 ship1_1  link1_1  1
 ship1_2  cost  8.9
 ship1_2  demand2  1
 ship1_2  capacity1  1
 ship1_2  link1_2  1
 ship1_3  cost  1.3
 ship1_3  demand3  1
 ship1_3  capacity1  1
 ship1_3  link1_3  1
 ship1_4  cost  8.2
 ship1_4  demand4  1
 ship1_4  capacity1  1
 ship1_4  link1_4  1
 ship1_5  cost  4
 ship1_5  demand5  1
 ship1_5  capacity1  1
 ship1_5  link1_5  1
 ship1_6  cost  8
 ship1_6  demand6  1
 ship1_6  capacity1  1
 ship1_6  link1_6  1
 ship1_7  cost  6.6
 ship1_7  demand7  1
 ship1_7  capacity1  1
 ship1_7  link1_7  1
 ship1_8  cost  9.3
 ship1_8  demand8  1
 ship1_8  capacity1  1
 ship1_8  link1_8  1
 ship1_9  cost  2.3
 ship1_9  demand9  1
 ship1_9  capacity1  1
 ship1_9  link1_9  1
 ship1_10  cost  6.1
 ship1_10  demand10  1
 ship1_10  capacity1  1
 ship1_10  link1_10  1
 ship1_11  cost  3.8
 ship1_11  demand11  1
 ship1_11  capacity1  1
 ship1_11  link1_11  1
 ship1_12  cost  6.3
 ship1_12  demand12  1
 ship1_12  capacity1  1
 ship1_12  link1_12  1
 ship1_13  cost  7.9
 ship1_13  demand13  1
 ship1_13  capacity1  1
 ship1_13  link1_13  1
 ship1_14  cost  5.8
 ship1_14  demand14  1
 ship1_14  capacity1  1
 ship1_14  link1_14  1
 ship1_15  cost  2.9
 ship1_15  demand15  1
 ship1_15  capacity1  1
 ship1_15  link1_15  1
 ship1_16  cost  1.1
 ship1_16  demand16  1
 ship1_16  capacity1  1
 ship1_16  link1_16  1
 ship1_17  cost  6.3
 ship1_17  demand17  1
 ship1_17  capacity1  1
 ship1_17  link1_17  1
 ship1_18  cost  4.7
 ship1_18  demand18  1
 ship1_18  capacity1  1
 ship1_18  link1_18  1
 ship1_19  cost  4.1
 ship1_19  demand19  1
 ship1_19  capacity1  1
 ship1_19  link1_19  1
 ship1_20  cost  7.6
 ship1_20  demand20  1
 ship1_20  capacity1  1
 ship1_20  link1_20  1
 ship1_21  cost  3
 ship1_21  demand21  1
 ship1_21  capacity1  1
 ship1_21  link1_21  1
 ship1_22  cost  3
 ship1_22  demand22  1
 ship1_22  capacity1  1
 ship1_22  link1_22  1
 ship1_23  cost  4.4
 ship1_23  demand23  1
 ship1_23  capacity1  1
 ship1_23  link1_23  1
 ship1_24  cost  3.2
 ship1_24  demand24  1
 ship1_24  capacity1  1
 ship1_24  link1_24  1
 ship2_0  cost  5.4
 ship2_0  demand0  1
 ship2_0  capacity2  1
 ship2_0  link2_0  1
 ship2_1  cost  0.6
 ship2_1  demand1  1
 ship2_1  capacity2  1
 ship2_1  link2_1  1
 ship2_2  cost  6.7
 ship2_2  demand2  1
 ship2_2  capacity2  1
 ship2_2  link2_2  1
 ship2_3  cost  6.4
 ship2_3  demand3  1
 ship2_3  capacity2  1
 ship2_3  link2_3  1
 ship2_4  cost  4.8
 ship2_4  demand4  1
 ship2_4  capacity2  1
 ship2_4  link2_4  1
 ship2_5  cost  5.2
 ship2_5  demand5  1
 ship2_5  capacity2  1
 ship2_5  link2_5  1
 ship2_6  cost  4.9
 ship2_6  demand6  1
 ship2_6  capacity2  1
 ship2_6  link2_6  1
 ship2_7  cost  4.9
 ship2_7  demand7  1
 ship2_7  capacity2  1
 ship2_7  link2_7  1
 ship2_8  cost  2.6
 ship2_8  demand8  1
 ship2_8  capacity2  1
 ship2_8  link2_8  1
 ship2_9  cost  4.7
 ship2_9  demand9  1
 ship2_9  capacity2  1
 ship2_9  link2_9  1
 ship2_10  cost  2.6
 ship2_10  demand10  1
 ship2_10  capacity2  1
 ship2_10  link2_10  1
 ship2_11  cost  3.1
 ship2_11  demand11  1
 ship2_11  capacity2  1
 ship2_11  link2_11  1
 ship2_12  cost  1.4
 ship2_12  demand12  1
 ship2_12  capacity2  1
 ship2_12  link2_12  1
 ship2_13  cost  5.4
 ship2_13  demand13  1
 ship2_13  capacity2  1
 ship2_13  link2_13  1
 ship2_14  cost  1.2
 ship2_14  demand14  1
 ship2_14  capacity2  1
 ship2_14  link2_14  1
 ship2_15  cost  9.2
 ship2_15  demand15  1
 ship2_15  capacity2  1
 ship2_15  link2_15  1
 ship2_16  cost  5.8
 ship2_16  demand16  1
 ship2_16  capacity2  1
 ship2_16  link2_16  1
 ship2_17  cost  4.7
 ship2_17  demand17  1
 ship2_17  capacity2  1
 ship2_17  link2_17  1
 ship2_18  cost  3.3
 ship2_18  demand18  1
 ship2_18  capacity2  1
 ship2_18  link2_18  1
 ship2_19  cost  2.9
 ship2_19  demand19  1
 ship2_19  capacity2  1
 ship2_19  link2_19  1
 ship2_20  cost  0.8
 ship2_20  demand20  1
 ship2_20  capacity2  1
 ship2_20  link2_20  1
 ship2_21  cost  4.6
 ship2_21  demand21  1
 ship2_21  capacity2  1
 ship2_21  link2_21  1
 ship2_22  cost  4.6
 ship2_22  demand22  1
 ship2_22  capacity2  1
 ship2_22  link2_22  1
 ship2_23  cost  7
 ship2_23  demand23  1
 ship2_23  capacity2  1
 ship2_23  link2_23  1
 ship2_24  cost  3.9
 ship2_24  demand24  1
 ship2_24  capacity2  1
 ship2_24  link2_24  1
 ship3_0  cost  8
 ship3_0  demand0  1
 ship3_0  capacity3  1
 ship3_0  link3_0  1
 ship3_1  cost  3
 ship3_1  demand1  1
 ship3_1  capacity3  1
 ship3_1  link3_1  1
 ship3_2  cost  6.9
 ship3_2  demand2  1
 ship3_2  capacity3  1
 ship3_2  link3_2  1
 ship3_3  cost  8.8
 ship3_3  demand3  1
 ship3_3  capacity3  1
 ship3_3  link3_3  1
 ship3_4  cost  4.9
 ship3_4  demand4  1
 ship3_4  capacity3  1
 ship3_4  link3_4  1
 ship3_5  cost  7.7
 ship3_5  demand5  1
 ship3_5  capacity3  1
 ship3_5  link3_5  1
 ship3_6  cost  5.1
 ship3_6  demand6  1
 ship3_6  capacity3  1
 ship3_6  link3_6  1
 ship3_7  cost  5.8
 ship3_7  demand7  1
 ship3_7  capacity3  1
 ship3_7  link3_7  1
 ship3_8  cost  0.5
 ship3_8  demand8  1
 ship3_8  capacity3  1
 ship3_8  link3_8  1
 ship3_9  cost  7.4
 ship3_9  demand9  1
 ship3_9  capacity3  1
 ship3_9  link3_9  1
 ship3_10  cost  4
 ship3_10  demand10  1
 ship3_10  capacity3  1
 ship3_10  link3_10  1
 ship3_11  cost  5.7
 ship3_11  demand11  1
 ship3_11  capacity3  1
 ship3_11  link3_11  1
 ship3_12  cost  3.8
 ship3_12  demand12  1
 ship3_12  capacity3  1
 ship3_12  link3_12  1
 ship3_13  cost  5.7
 ship3_13  demand13  1
 ship3_13  capacity3  1
 ship3_13  link3_13  1
 ship3_14  cost  3.6
 ship3_14  demand14  1
 ship3_14  capacity3  1
 ship3_14  link3_14  1
 ship3_15  cost  11.6
 ship3_15  demand15  1
 ship3_15  capacity3  1
 ship3_15  link3_15  1
 ship3_16  cost  8.4
 ship3_16  demand16  1
 ship3_16  capacity3  1
 ship3_16  link3_16  1
 ship3_17  cost  5.8
 ship3_17  demand17  1
 ship3_17  capacity3  1
 ship3_17  link3_17  1
 ship3_18  cost  5.3
 ship3_18  demand18  1
 ship3_18  capacity3  1
 ship3_18  link3_18  1
 ship3_19  cost  5.4
 ship3_19  demand19  1
 ship3_19  capacity3  1
 ship3_19  link3_19  1
 ship3_20  cost  2.2
 ship3_20  demand20  1
 ship3_20  capacity3  1
 ship3_20  link3_20  1
 ship3_21  cost  6.9
 ship3_21  demand21  1
 ship3_21  capacity3  1
 ship3_21  link3_21  1
 ship3_22  cost  7.2
 ship3_22  demand22  1
 ship3_22  capacity3  1
 ship3_22  link3_22  1
 ship3_23  cost  8.9
 ship3_23  demand23  1
 ship3_23  capacity3  1
 ship3_23  link3_23  1
 ship3_24  cost  6.3
 ship3_24  demand24  1
 ship3_24  capacity3  1
 ship3_24  link3_24  1
 ship4_0  cost  8.1
 ship4_0  demand0  1
 ship4_0  capacity4  1
 ship4_0  link4_0  1
 ship4_1  cost  4.4
 ship4_1  demand1  1
 ship4_1  capacity4  1
 ship4_1  link4_1  1
 ship4_2  cost  3.3
 ship4_2  demand2  1
 ship4_2  capacity4  1
 ship4_2  link4_2  1
 ship4_3  cost  7.2
 ship4_3  demand3  1
 ship4_3  capacity4  1
 ship4_3  link4_3  1
 ship4_4  cost  1.3
 ship4_4  demand4  1
 ship4_4  capacity4  1
 ship4_4  link4_4  1
 ship4_5  cost  8.2
 ship4_5  demand5  1
 ship4_5  capacity4  1
 ship4_5  link4_5  1
 ship4_6  cost  1.5
 ship4_6  demand6  1
 ship4_6  capacity4  1
 ship4_6  link4_6  1
 ship4_7  cost  2.6
 ship4_7  demand7  1
 ship4_7  capacity4  1
 ship4_7  link4_7  1
 ship4_8  cost  3
 ship4_8  demand8  1
 ship4_8  capacity4  1
 ship4_8  link4_8  1
 ship4_9  cost  6.8
 ship4_9  demand9  1
 ship4_9  capacity4  1
 ship4_9  link4_9  1
 ship4_10  cost  2.2
 ship4_10  demand10  1
 ship4_10  capacity4  1
 ship4_10  link4_10  1
 ship4_11  cost  5.3
 ship4_11  demand11  1
 ship4_11  capacity4  1
 ship4_11  link4_11  1
 ship4_12  cost  5.1
 ship4_12  demand12  1
 ship4_12  capacity4  1
 ship4_12  link4_12  1
 ship4_13  cost  2.2
 ship4_13  demand13  1
 ship4_13  capacity4  1
 ship4_13  link4_13  1
 ship4_14  cost  3.6
 ship4_14  demand14  1
 ship4_14  capacity4  1
 ship4_14  link4_14  1
 ship4_15  cost  9.6
 ship4_15  demand15  1
 ship4_15  capacity4  1
 ship4_15  link4_15  1
 ship4_16  cost  7.4
 ship4_16  demand16  1
 ship4_16  capacity4  1
 ship4_16  link4_16  1
 ship4_17  cost  2.7
 ship4_17  demand17  1
 ship4_17  capacity4  1
 ship4_17  link4_17  1
 ship4_18  cost  3.5
 ship4_18  demand18  1
 ship4_18  capacity4  1
 ship4_18  link4_18  1
 ship4_19  cost  4.7
 ship4_19  demand19  1
 ship4_19  capacity4  1
 ship4_19  link4_19  1
 ship4_20  cost  4.1
 ship4_20  demand20  1
 ship4_20  capacity4  1
 ship4_20  link4_20  1
 ship4_21  cost  5.3
 ship4_21  demand21  1
 ship4_21  capacity4  1
 ship4_21  link4_21  1
 ship4_22  cost  7.1
 ship4_22  demand22  1
 ship4_22  capacity4  1
 ship4_22  link4_22  1
 ship4_23  cost  6.1
 ship4_23  demand23  1
 ship4_23  capacity4  1
 ship4_23  link4_23  1
 ship4_24  cost  5.1
 ship4_24  demand24  1
 ship4_24  capacity4  1
 ship4_24  link4_24  1
 ship5_0  cost  7.2
 ship5_0  demand0  1
 ship5_0  capacity5  1
 ship5_0  link5_0  1
 ship5_1  cost  5.4
 ship5_1  demand1  1
 ship5_1  capacity5  1
 ship5_1  link5_1  1
 ship5_2  cost  2.5
 ship5_2  demand2  1
 ship5_2  capacity5  1
 ship5_2  link5_2  1
 ship5_3  cost  5.2
 ship5_3  demand3  1
 ship5_3  capacity5  1
 ship5_3  link5_3  1
 ship5_4  cost  1.9
 ship5_4  demand4  1
 ship5_4  capacity5  1
 ship5_4  link5_4  1
 ship5_5  cost  7.6
 ship5_5  demand5  1
 ship5_5  capacity5  1
 ship5_5  link5_5  1
 ship5_6  cost  1.7
 ship5_6  demand6  1
 ship5_6  capacity5  1
 ship5_6  link5_6  1
 ship5_7  cost  0.1
 ship5_7  demand7  1
 ship5_7  capacity5  1
 ship5_7  link5_7  1
 ship5_8  cost  5.4
 ship5_8  demand8  1
 ship5_8  capacity5  1
 ship5_8  link5_8  1
 ship5_9  cost  5.7
 ship5_9  demand9  1
 ship5_9  capacity5  1
 ship5_9  link5_9  1
 ship5_10  cost  2.3
 ship5_10  demand10  1
 ship5_10  capacity5  1
 ship5_10  link5_10  1
 ship5_11  cost  4.7
 ship5_11  demand11  1
 ship5_11  capacity5  1
 ship5_11  link5_11  1
 ship5_12  cost  5.8
 ship5_12  demand12  1
 ship5_12  capacity5  1
 ship5_12  link5_12  1
 ship5_13  cost  1.4
 ship5_13  demand13  1
 ship5_13  capacity5  1
 ship5_13  link5_13  1
 ship5_14  cost  4.1
 ship5_14  demand14  1
 ship5_14  capacity5  1
 ship5_14  link5_14  1
 ship5_15  cost  7.2
 ship5_15  demand15  1
 ship5_15  capacity5  1
 ship5_15  link5_15  1
 ship5_16  cost  5.8
 ship5_16  demand16  1
 ship5_16  capacity5  1
 ship5_16  link5_16  1
 ship5_17  cost  0.2
 ship5_17  demand17  1
 ship5_17  capacity5  1
 ship5_17  link5_17  1
 ship5_18  cost  2.4
 ship5_18  demand18  1
 ship5_18  capacity5  1
 ship5_18  link5_18  1
 ship5_19  cost  4
 ship5_19  demand19  1
 ship5_19  capacity5  1
 ship5_19  link5_19  1
 ship5_20  cost  5.5
 ship5_20  demand20  1
 ship5_20  capacity5  1
 ship5_20  link5_20  1
 ship5_21  cost  3.6
 ship5_21  demand21  1
 ship5_21  capacity5  1
 ship5_21  link5_21  1
 ship5_22  cost  6.3
 ship5_22  demand22  1
 ship5_22  capacity5  1
 ship5_22  link5_22  1
 ship5_23  cost  3.5
 ship5_23  demand23  1
 ship5_23  capacity5  1
 ship5_23  link5_23  1
 ship5_24  cost  3.9
 ship5_24  demand24  1
 ship5_24  capacity5  1
 ship5_24  link5_24  1
 ship6_0  cost  2.9
 ship6_0  demand0  1
 ship6_0  capacity6  1
 ship6_0  link6_0  1
 ship6_1  cost  4
 ship6_1  demand1  1
 ship6_1  capacity6  1
 ship6_1  link6_1  1
 ship6_2  cost  6.9
 ship6_2  demand2  1
 ship6_2  capacity6  1
 ship6_2  link6_2  1
 ship6_3  cost  2.4
 ship6_3  demand3  1
 ship6_3  capacity6  1
 ship6_3  link6_3  1
 ship6_4  cost  5.7
 ship6_4  demand4  1
 ship6_4  capacity6  1
 ship6_4  link6_4  1
 ship6_5  cost  3.4
 ship6_5  demand5  1
 ship6_5  capacity6  1
 ship6_5  link6_5  1
 ship6_6  cost  5.6
 ship6_6  demand6  1
 ship6_6  capacity6  1
 ship6_6  link6_6  1
 ship6_7  cost  4.4
 ship6_7  demand7  1
 ship6_7  capacity6  1
 ship6_7  link6_7  1
 ship6_8  cost  6.3
 ship6_8  demand8  1
 ship6_8  capacity6  1
 ship6_8  link6_8  1
 ship6_9  cost  1.3
 ship6_9  demand9  1
 ship6_9  capacity6  1
 ship6_9  link6_9  1
 ship6_10  cost  3.3
 ship6_10  demand10  1
 ship6_10  capacity6  1
 ship6_10  link6_10  1
 ship6_11  cost  1.1
 ship6_11  demand11  1
 ship6_11  capacity6  1
 ship6_11  link6_11  1
 ship6_12  cost  3.7
 ship6_12  demand12  1
 ship6_12  capacity6  1
 ship6_12  link6_12  1
 ship6_13  cost  5.7
 ship6_13  demand13  1
 ship6_13  capacity6  1
 ship6_13  link6_13  1
 ship6_14  cost  2.9
 ship6_14  demand14  1
 ship6_14  capacity6  1
 ship6_14  link6_14  1
 ship6_15  cost  5.2
 ship6_15  demand15  1
 ship6_15  capacity6  1
 ship6_15  link6_15  1
 ship6_16  cost  1.9
 ship6_16  demand16  1
 ship6_16  capacity6  1
 ship6_16  link6_16  1
 ship6_17  cost  4.1
 ship6_17  demand17  1
 ship6_17  capacity6  1
 ship6_17  link6_17  1
 ship6_18  cost  2.1
 ship6_18  demand18  1
 ship6_18  capacity6  1
 ship6_18  link6_18  1
 ship6_19  cost  1.1
 ship6_19  demand19  1
 ship6_19  capacity6  1
 ship6_19  link6_19  1
 ship6_20  cost  4.7
 ship6_20  demand20  1
 ship6_20  capacity6  1
 ship6_20  link6_20  1
 ship6_21  cost  1.2
 ship6_21  demand21  1
 ship6_21  capacity6  1
 ship6_21  link6_21  1
 ship6_22  cost  2
 ship6_22  demand22  1
 ship6_22  capacity6  1
 ship6_22  link6_22  1
 ship6_23  cost  4.1
 ship6_23  demand23  1
 ship6_23  capacity6  1
 ship6_23  link6_23  1
 ship6_24  cost  0.5
 ship6_24  demand24  1
 ship6_24  capacity6  1
 ship6_24  link6_24  1
 ship7_0  cost  8.1
 ship7_0  demand0  1
 ship7_0  capacity7  1
 ship7_0  link7_0  1
 ship7_1  cost  5.8
 ship7_1  demand1  1
 ship7_1  capacity7  1
 ship7_1  link7_1  1
 ship7_2  cost  1.7
 ship7_2  demand2  1
 ship7_2  capacity7  1
 ship7_2  link7_2  1
 ship7_3  cost  6.1
 ship7_3  demand3  1
 ship7_3  capacity7  1
 ship7_3  link7_3  1
 ship7_4  cost  1.3
 ship7_4  demand4  1
 ship7_4  capacity7  1
 ship7_4  link7_4  1
 ship7_5  cost  8.4
 ship7_5  demand5  1
 ship7_5  capacity7  1
 ship7_5  link7_5  1
 ship7_6  cost  1.1
 ship7_6  demand6  1
 ship7_6  capacity7  1
 ship7_6  link7_6  1
 ship7_7  cost  0.8
 ship7_7  demand7  1
 ship7_7  capacity7  1
 ship7_7  link7_7  1
 ship7_8  cost  5.4
 ship7_8  demand8  1
 ship7_8  capacity7  1
 ship7_8  link7_8  1
 ship7_9  cost  6.5
 ship7_9  demand9  1
 ship7_9  capacity7  1
 ship7_9  link7_9  1
 ship7_10  cost  2.8
 ship7_10  demand10  1
 ship7_10  capacity7  1
 ship7_10  link7_10  1
 ship7_11  cost  5.5
 ship7_11  demand11  1
 ship7_11  capacity7  1
 ship7_11  link7_11  1
 ship7_12  cost  6.3
 ship7_12  demand12  1
 ship7_12  capacity7  1
 ship7_12  link7_12  1
 ship7_13  cost  0.6
 ship7_13  demand13  1
 ship7_13  capacity7  1
 ship7_13  link7_13  1
 ship7_14  cost  4.6
 ship7_14  demand14  1
 ship7_14  capacity7  1
 ship7_14  link7_14  1
 ship7_15  cost  8
 ship7_15  demand15  1
 ship7_15  capacity7  1
 ship7_15  link7_15  1
 ship7_16  cost  6.7
 ship7_16  demand16  1
 ship7_16  capacity7  1
 ship7_16  link7_16  1
 ship7_17  cost  1.1
 ship7_17  demand17  1
 ship7_17  capacity7  1
 ship7_17  link7_17  1
 ship7_18  cost  3.2
 ship7_18  demand18  1
 ship7_18  capacity7  1
 ship7_18  link7_18  1
 ship7_19  cost  4.8
 ship7_19  demand19  1
 ship7_19  capacity7  1
 ship7_19  link7_19  1
 ship7_20  cost  5.9
 ship7_20  demand20  1
 ship7_20  capacity7  1
 ship7_20  link7_20  1
 ship7_21  cost  4.5
 ship7_21  demand21  1
 ship7_21  capacity7  1
 ship7_21  link7_21  1
 ship7_22  cost  7.1
 ship7_22  demand22  1
 ship7_22  capacity7  1
 ship7_22  link7_22  1
 ship7_23  cost  4.2
 ship7_23  demand23  1
 ship7_23  capacity7  1
 ship7_23  link7_23  1
 ship7_24  cost  4.7
 ship7_24  demand24  1
 ship7_24  capacity7  1
 ship7_24  link7_24  1
RHS
 RHS  demand0  14
 RHS  demand1  34
 RHS  demand2  18
 RHS  demand3  8
 RHS  demand4  14
 RHS  demand5  18
 RHS  demand6  12
 RHS  demand7  31
 RHS  demand8  31
 RHS  demand9  24
 RHS  demand10  33
 RHS  demand11  30
 RHS  demand12  26
 RHS  demand13  30
 RHS  demand14  25
 RHS  demand15  25
 RHS  demand16  5
 RHS  demand17  9
 RHS  demand18  7
 RHS  demand19  22
 RHS  demand20  27
 RHS  demand21  18
 RHS  demand22  24
 RHS  demand23  17
 RHS  demand24  5
BOUNDS
 UP  BND  open0  1
 UP  BND  open1  1
 UP  BND  open2  1
 UP  BND  open3  1
 UP  BND  open4  1
 UP  BND  open5  1
 UP  BND  open6  1
 UP  BND  open7  1
 UP  BND  ship0_0  14
 UP  BND  ship0_1  34
 UP  BND  ship0_2  18
 UP  BND  ship0_3  8
 UP  BND  ship0_4  14
 UP  BND  ship0_5  18
 UP  BND  ship0_6  12
 UP  BND  ship0_7  31
 UP  BND  ship0_8  31
 UP  BND  ship0_9  24
 UP  BND  ship0_10  33
 UP  BND  ship0_11  30
 UP  BND  ship0_12  26
 UP  BND  ship0_13  30
 UP  BND  ship0_14  25
 UP  BND  ship0_15  25
 UP  BND  ship0_16  5
 UP  BND  ship0_17  9
 UP  BND  ship0_18  7
 UP  BND  ship0_19  22
 UP  BND  ship0_20  27
 UP  BND  ship0_21  18
 UP  BND  ship0_22  24
 UP  BND  ship0_23  17
 UP  BND  ship0_24  5
 UP  BND  ship1_0  14
 UP  BND  ship1_1  34
 UP  BND  ship1_2  18
 UP  BND  ship1_3  8
 UP  BND  ship1_4  14
 UP  BND  ship1_5  18
 UP  BND  ship1_6  12
 UP  BND  ship1_7  31
 UP  BND  ship1_8  31
 UP  BND  ship1_9  24
 UP  BND  ship1_10  33
 UP  BND  ship1_11  30
 UP  BND  ship1_12  26
 UP  BND  ship1_13  30
 UP  BND  ship1_14  25
 UP  BND  ship1_15  25
 UP  BND  ship1_16  5
 UP  BND  ship1_17  9
 UP  BND  ship1_18  7
 UP  BND  ship1_19  22
 UP  BND  ship1_20  27
 UP  BND  ship1_21  18
 UP  BND  ship1_22  24
 UP  BND  ship1_23  17
 UP  BND  ship1_24  5
 UP  BND  ship2_0  14
 UP  BND  ship2_1  34
 UP  BND  ship2_2  18
 UP  BND  ship2_3  8
 UP  BND  ship2_4  14
 UP  BND  ship2_5  18
 UP  BND  ship2_6  12
 UP  BND  ship2_7  31
 UP  BND  ship2_8  31
 UP  BND  ship2_9  24
 UP  BND  ship2_10  33
 UP  BND  ship2_11  30
 UP  BND  ship2_12  26
 UP  BND  ship2_13  30
 UP  BND  ship2_14  25
 UP  BND  ship2_15  25
 UP  BND  ship2_16  5
 UP  BND  ship2_17  9
 UP  BND  ship2_18  7
 UP  BND  ship2_19  22
 UP  BND  ship2_20  27
 UP  BND  ship2_21  18
 UP  BND  ship2_22  24
 UP  BND  ship2_23  17
 UP  BND  ship2_24  5
 UP  BND  ship3_0  14
 UP  BND  ship3_1  34
 UP  BND  ship3_2  18
 UP  BND  ship3_3  8
 UP  BND  ship3_4  14
 UP  BND  ship3_5  18
 UP  BND  ship3_6  12
 UP  BND  ship3_7  31
 UP  BND  ship3_8  31
 UP  BND  ship3_9  24
 UP  BND  ship3_10  33
 UP  BND  ship3_11  30
 UP  BND  ship3_12  26
 UP  BND  ship3_13  30
 UP  BND  ship3_14  25
 UP  BND  ship3_15  25
 UP  BND  ship3_16  5
 UP  BND  ship3_17  9
 UP  BND  ship3_18  7
 UP  BND  ship3_19  22
 UP  BND  ship3_20  27
 UP  BND  ship3_21  18
 UP  BND  ship3_22  24
 UP  BND  ship3_23  17
 UP  BND  ship3_24  5
 UP  BND  ship4_0  14
 UP  BND  ship4_1  34
 UP  BND  ship4_2  18
 UP  BND  ship4_3  8
 UP  BND  ship4_4  14
 UP  BND  ship4_5  18
 UP  BND  ship4_6  12
 UP  BND  ship4_7  31
 UP  BND  ship4_8  31
 UP  BND  ship4_9  24
 UP  BND  ship4_10  33
 UP  BND  ship4_11  30
 UP  BND  ship4_12  26
 UP  BND  ship4_13  30
 UP  BND  ship4_14  25
 UP  BND  ship4_15  25
 UP  BND  ship4_16  5
 UP  BND  ship4_17  9
 UP  BND  ship4_18  7
 UP  BND  ship4_19  22
 UP  BND  ship4_20  27
 UP  BND  ship4_21  18
 UP  BND  ship4_22  24
 UP  BND  ship4_23  17
 UP  BND  ship4_24  5
 UP  BND  ship5_0  14
 UP  BND  ship5_1  34
 UP  BND  ship5_2  18
 UP  BND  ship5_3  8
 UP  BND  ship5_4  14
 UP  BND  ship5_5  18
 UP  BND  ship5_6  12
 UP  BND  ship5_7  31
 UP  BND  ship5_8  31
 UP  BND  ship5_9  24
 UP  BND  ship5_10  33
 UP  BND  ship5_11  30
 UP  BND  ship5_12  26
 UP  BND  ship5_13  30
 UP  BND  ship5_14  25
 UP  BND  ship5_15  25
 UP  BND  ship5_16  5
 UP  BND  ship5_17  9
 UP  BND  ship5_18  7
 UP  BND  ship5_19  22
 UP  BND  ship5_20  27
 UP  BND  ship5_21  18
 UP  BND  ship5_22  24
 UP  BND  ship5_23  17
 UP  BND  ship5_24  5
 UP  BND  ship6_0  14
 UP  BND  ship6_1  34
 UP  BND  ship6_2  18
 UP  BND  ship6_3  8
 UP  BND  ship6_4  14
 UP  BND  ship6_5  18
 UP  BND  ship6_6  12
 UP  BND  ship6_7  31
 UP  BND  ship6_8  31
 UP  BND  ship6_9  24
 UP  BND  ship6_10  33
 UP  BND  ship6_11  30
 UP  BND  ship6_12  26
 UP  BND  ship6_13  30
 UP  BND  ship6_14  25
 UP  BND  ship6_15  25
 UP  BND  ship6_16  5
 UP  BND  ship6_17  9
 UP  BND  ship6_18  7
 UP  BND  ship6_19  22
 UP  BND  ship6_20  27
 UP  BND  ship6_21  18
 UP  BND  ship6_22  24
 UP  BND  ship6_23  17
 UP  BND  ship6_24  5
 UP  BND  ship7_0  14
 UP  BND  ship7_1  34
 UP  BND  ship7_2  18
 UP  BND  ship7_3  8
 UP  BND  ship7_4  14
 UP  BND  ship7_5  18
 UP  BND  ship7_6  12
 UP  BND  ship7_7  31
 UP  BND  ship7_8  31
 UP  BND  ship7_9  24
 UP  BND  ship7_10  33
 UP  BND  ship7_11  30
 UP  BND  ship7_12  26
 UP  BND  ship7_13  30
 UP  BND  ship7_14  25
 UP  BND  ship7_15  25
 UP  BND  ship7_16  5
 UP  BND  ship7_17  9
 UP  BND  ship7_18  7
 UP  BND  ship7_19  22
 UP  BND  ship7_20  27
 UP  BND  ship7_21  18
 UP  BND  ship7_22  24
 UP  BND  ship7_23  17
 UP  BND  ship7_24  5
ENDATA
