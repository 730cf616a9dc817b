rule "google-dataproc-cluster-customer-managed-key" {
  title     = "Dataproc cluster disks are not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  compliance = {
    "cis-gcp-2.0" = ["1.17"]
  }
  resources = ["google_dataproc_cluster"]
  aliases   = ["CKV_GCP_91"]

  description = <<-EOT
    Dataproc keeps cluster and job data on the persistent disks of the cluster's VMs, encrypted
    with Google-managed keys by default. A Cloud KMS key gives the customer an audited, revocable
    control over that data. Severity is low because the data is encrypted either way; the choice
    of key is the customer's.

    `cluster_config.encryption_config.kms_key_name` must be set.
  EOT
  remediation = "Add `encryption_config { kms_key_name = google_kms_crypto_key.dataproc.id }` to `cluster_config`, and grant the Dataproc and Compute Engine service agents the encrypter/decrypter role on the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_cluster#nested_encryption_config",
    "https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/customer-managed-encryption",
  ]

  assert {
    attribute "cluster_config.encryption_config.kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataproc_cluster" "etl" {
        name   = "etl"
        region = "europe-west1"

        cluster_config {  # expect: google-dataproc-cluster-customer-managed-key
          master_config {
            num_instances = 1
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataproc_cluster" "etl" {  # expect: google-dataproc-cluster-customer-managed-key
        name   = "etl"
        region = "europe-west1"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_dataproc_cluster" "etl" {
        name   = "etl"
        region = "europe-west1"

        cluster_config {
          encryption_config {
            kms_key_name = "projects/example/locations/europe-west1/keyRings/dataproc/cryptoKeys/etl"
          }
        }
      }
    EOT
  }
}
