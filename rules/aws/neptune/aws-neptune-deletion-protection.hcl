rule "aws-neptune-deletion-protection" {
  title     = "Neptune cluster does not have deletion protection enabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_neptune_cluster"]

  description = <<-EOT
    Without deletion protection, one `terraform destroy`, a resource renamed in a refactor or a
    stolen credential with delete permission removes the cluster; with `skip_final_snapshot` or
    automated backups only, its data goes with it after the retention period. With
    `deletion_protection = true` the API refuses to delete the cluster until the setting is
    turned off in a separate, visible change. The argument defaults to `false`. Protecting the
    data from loss is the customer's side of the shared responsibility model. Severity is medium:
    no exposure, but an easy path to losing the database.
  EOT
  remediation = <<-EOT
    Turn on deletion protection:

    ```hcl
    resource "aws_neptune_cluster" "graph" {
      # ...
      deletion_protection = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#deletion_protection",
  ]

  assert {
    attribute "deletion_protection" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {  # expect: aws-neptune-deletion-protection
        cluster_identifier          = "graph"
        engine                      = "neptune"
        storage_encrypted           = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {
        cluster_identifier          = "graph"
        engine                      = "neptune"
        storage_encrypted           = true
        deletion_protection         = false  # expect: aws-neptune-deletion-protection
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {
        cluster_identifier          = "graph"
        engine                      = "neptune"
        storage_encrypted           = true
        deletion_protection         = true
      }
    EOT
  }
}
