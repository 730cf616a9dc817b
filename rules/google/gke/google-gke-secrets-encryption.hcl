rule "google-gke-secrets-encryption" {
  title     = "GKE cluster does not encrypt Kubernetes Secrets with a Cloud KMS key"
  severity  = "medium"
  area      = "data-protection"
  resources = ["google_container_cluster"]

  description = <<-EOT
    GKE stores Kubernetes Secrets in the control plane's etcd, encrypted at rest with
    Google-managed keys. Application-layer secrets encryption adds envelope encryption with a
    Cloud KMS key the customer controls, so that a copy of etcd (a backup, or access to the
    control-plane storage) does not reveal Secrets without the key, and access to the key is
    audited and revocable. Severity is medium: Secrets hold credentials. Enabling it is the
    customer's cluster setting.

    `database_encryption.state` must be `ENCRYPTED` (the provider's default is `DECRYPTED`) with a
    `database_encryption.key_name`.
  EOT
  remediation = "Add `database_encryption { state = \"ENCRYPTED\" key_name = google_kms_crypto_key.gke.id }` and grant the GKE service agent the encrypter/decrypter role on the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_database_encryption",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets",
  ]

  assert {
    attribute "database_encryption.state" {
      equals  = "ENCRYPTED"
      default = "DECRYPTED"
    }
    attribute "database_encryption.key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "main" {  # expect: google-gke-secrets-encryption
        name     = "main"
        location = "europe-west1"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "main" {
        name     = "main"
        location = "europe-west1"

        database_encryption {
          state = "DECRYPTED"  # expect: google-gke-secrets-encryption
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "main" {
        name     = "main"
        location = "europe-west1"

        database_encryption {
          state    = "ENCRYPTED"
          key_name = "projects/example/locations/europe-west1/keyRings/gke/cryptoKeys/secrets"
        }
      }
    EOT
  }
}
