import torch

torch.set_num_threads(1)  # tests share the machine's cores; oversubscription makes them 50x slower
