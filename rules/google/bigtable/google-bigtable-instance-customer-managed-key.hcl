rule "google-bigtable-instance-customer-managed-key" {
  title     = "Bigtable cluster is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["google_bigtable_instance"]
  aliases   = ["CKV_GCP_85"]

  description = <<-EOT
    Bigtable encrypts table data with Google-managed keys by default. A Cloud KMS key on each
    cluster gives the customer an audited, revocable control over the data stored in it. Severity
    is low because the data is encrypted either way; the choice of key is the customer's.

    Every `cluster` block of the instance must set `kms_key_name`; the key can only be chosen when
    the cluster is created. A cluster whose key is not known at scan time is not reported.
  EOT
  remediation = "Set `kms_key_name = google_kms_crypto_key.bigtable.id` in each `cluster` block (a key in the cluster's region)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance#kms_key_name",
    "https://cloud.google.com/bigtable/docs/cmek",
  ]

  assert {
    every "cluster" {
      attribute "kms_key_name" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigtable_instance" "events" {
        name = "events"

        cluster {  # expect: google-bigtable-instance-customer-managed-key
          cluster_id = "events-c1"
          zone       = "europe-west1-b"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_bigtable_instance" "events" {
        name = "events"

        cluster {
          cluster_id   = "events-c1"
          zone         = "europe-west1-b"
          kms_key_name = "projects/example/locations/europe-west1/keyRings/bt/cryptoKeys/events"
        }
      }
    EOT
  }
}
