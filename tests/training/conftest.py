try:
    import torch
except ImportError:  # the train extra is missing: the test modules skip themselves, with the reason
    torch = None

if torch is not None:
    torch.set_num_threads(1)  # tests share the machine's cores; oversubscription makes them 50x slower
