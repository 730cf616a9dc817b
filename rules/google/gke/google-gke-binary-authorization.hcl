rule "google-gke-binary-authorization" {
  title     = "GKE cluster does not enforce Binary Authorization"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_66"]

  description = <<-EOT
    Binary Authorization admits only container images signed or attested by trusted build systems.
     Without it, anyone who can create pods can run any image, including one an attacker pushed to
     a registry the cluster can pull from. Enforcing it is the customer's cluster setting; severity
     is medium (supply-chain defence in depth).

     `binary_authorization.evaluation_mode` must be `PROJECT_SINGLETON_POLICY_ENFORCE` (google
     provider v4.40 and later); the older `enable_binary_authorization = true` is accepted.
  EOT
  remediation = "Add `binary_authorization { evaluation_mode = \"PROJECT_SINGLETON_POLICY_ENFORCE\" }` and define the project's Binary Authorization policy."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_binary_authorization",
    "https://cloud.google.com/binary-authorization/docs/overview",
  ]

  assert {
    any {
      attribute "binary_authorization.evaluation_mode" {
        equals = "PROJECT_SINGLETON_POLICY_ENFORCE"
      }
      attribute "binary_authorization.enabled" {
        equals = true
      }
      # google provider v3 and earlier
      attribute "enable_binary_authorization" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {  # expect: google-gke-binary-authorization
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        binary_authorization {
          evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
        }
      }
    EOT
  }
}
