#!/usr/bin/env python3
"""Verify a HireVet audit proof offline, with the Python standard library (and openssl for the signature).

  verify-audit-proof.py PROOF.json [--public-key PUB.pem]
      PROOF.json from GET /api/audit/records/{seq}/proof: recomputes the record's chain hash from its fields, its
      Merkle leaf hash, and the root from the inclusion path (RFC 9162 2.1.3.2), and compares that root with the
      one in the checkpoint's signed body.
  verify-audit-proof.py --consistency CONSISTENCY.json [--public-key PUB.pem]
      CONSISTENCY.json from GET /api/audit/consistency?from=m&to=n: checks (RFC 9162 2.1.4.2) that the later signed
      tree extends the earlier one.

With --public-key (the PEM from GET /api/audit/public-key, obtained out of band), each checkpoint's signature is
checked with `openssl dgst -sha256 -verify` and its key id against the key. Exit 0 when everything checks out, 1 when
something does not (the line starting FAIL says what), 2 on bad usage.
"""
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

ORIGIN = "HireVet audit trail"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def leaf_hash(leaf):
    return hashlib.sha256(b"\x00" + leaf).digest()


def parse_body(body_b64):
    body = base64.b64decode(body_b64)
    lines = body.decode("utf-8").split("\n")
    if len(lines) != 7 or lines[0] != ORIGIN or lines[6] != "":
        fail("the checkpoint body is not a HireVet checkpoint")
    head = lines[3].split(" ")
    if len(head) != 3 or head[0] != "head" or not lines[4].startswith("signed-at ") or not lines[5].startswith("key-id "):
        fail("the checkpoint body is not a HireVet checkpoint")
    return {
        "bytes": body, "size": int(lines[1]), "root": base64.b64decode(lines[2]), "head_seq": int(head[1]), "head_hash": head[2],
        "signed_at": lines[4][len("signed-at "):], "key_id": lines[5][len("key-id "):],
    }


def verify_inclusion(index, size, leaf, path, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, path):
    """RFC 9162 section 2.1.4.2."""
    if first > second:
        return False
    if first == second:
        return not path and first_root == second_root
    if first == 0:
        return not path
    if not path:
        return False
    if first & (first - 1) == 0:
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_root and sr == second_root


def chain_hash(record):
    """The record's chain hash, as HireVet computes it (AuditChain.ComputeHash)."""
    fields = [str(record["seq"]), record["occurredAt"], record["actor"], record["actorRole"], record["action"],
              record.get("targetType") or "", record.get("targetId") or "", record["requestDigest"], record["details"],
              record["previousHash"]]
    return hashlib.sha256("\n".join(fields).encode("utf-8")).hexdigest()


def check_signature(checkpoint, body, public_key):
    if shutil.which("openssl") is None:
        fail("openssl is not installed: verify the signature as docs/audit-verification.md shows")
    with tempfile.TemporaryDirectory() as tmp:
        body_path, sig_path = os.path.join(tmp, "body"), os.path.join(tmp, "sig.der")
        with open(body_path, "wb") as f:
            f.write(body["bytes"])
        with open(sig_path, "wb") as f:
            f.write(base64.b64decode(checkpoint["signature"]))
        result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", public_key, "-signature", sig_path, body_path],
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"the signature of the checkpoint signed at {body['signed_at']} does not verify with {public_key} (forged, or another key)")
        der = subprocess.run(["openssl", "pkey", "-pubin", "-in", public_key, "-outform", "DER"], capture_output=True, check=True).stdout
        if hashlib.sha256(der).hexdigest() != body["key_id"]:
            fail(f"the checkpoint names key {body['key_id']}, not {public_key}")
    print(f"OK: the checkpoint of {body['size']} records signed at {body['signed_at']} has a valid signature by key {body['key_id']}")


def inclusion(proof, public_key):
    record, checkpoint = proof["record"], proof["checkpoint"]
    body = parse_body(checkpoint["body"])
    recomputed = chain_hash(record)
    if recomputed != record["hash"]:
        fail(f"record {record['seq']}'s fields give chain hash {recomputed}, not {record['hash']}: the record was changed")
    leaf = leaf_hash(bytes.fromhex(record["hash"]))
    if leaf.hex() != proof["leafHash"]:
        fail("the leaf hash in the proof is not SHA-256(0x00 || chain hash)")
    index, size = record["seq"] - 1, body["size"]
    if proof["leafIndex"] != index or proof["treeSize"] != size:
        fail("the proof's leaf index or tree size does not match the record and the signed checkpoint")
    path = [bytes.fromhex(p) for p in proof["auditPath"]]
    if not verify_inclusion(index, size, leaf, path, body["root"]):
        fail(f"record {record['seq']} is not in the signed tree of {size} records (the inclusion proof does not give its root)")
    if record["seq"] == body["head_seq"] and record["hash"] != body["head_hash"]:
        fail("the record is the checkpoint's head but its hash is not the signed head hash")
    print(f"OK: record {record['seq']} ({record['action']} by {record['actor']} at {record['occurredAt']}) is leaf {index} "
          f"of the signed tree of {size} records, root {base64.b64encode(body['root']).decode()}")
    if public_key:
        check_signature(checkpoint, body, public_key)


def consistency(proof, public_key):
    first, second = parse_body(proof["from"]["body"]), parse_body(proof["to"]["body"])
    path = [bytes.fromhex(p) for p in proof["proof"]]
    if not verify_consistency(first["size"], second["size"], first["root"], second["root"], path):
        fail(f"the signed tree of {second['size']} records does not extend the one of {first['size']} records")
    print(f"OK: the tree of {second['size']} records (signed at {second['signed_at']}) extends the tree of {first['size']} "
          f"records (signed at {first['signed_at']})")
    if public_key:
        check_signature(proof["from"], first, public_key)
        check_signature(proof["to"], second, public_key)


def main(argv):
    public_key = None
    if "--public-key" in argv:
        i = argv.index("--public-key")
        if i + 1 >= len(argv):
            print(__doc__)
            return 2
        public_key = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if len(argv) == 2 and argv[0] == "--consistency":
        with open(argv[1], encoding="utf-8") as f:
            consistency(json.load(f), public_key)
    elif len(argv) == 1 and not argv[0].startswith("-"):
        with open(argv[0], encoding="utf-8") as f:
            inclusion(json.load(f), public_key)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
