rule "aws-docdb-deletion-protection" {
  title     = "DocumentDB cluster does not have deletion protection enabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_docdb_cluster"]

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
    resource "aws_docdb_cluster" "docs" {
      # ...
      deletion_protection = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#deletion_protection",
  ]

  assert {
    attribute "deletion_protection" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {  # expect: aws-docdb-deletion-protection
        cluster_identifier          = "docs"
        master_username             = "docs"
        manage_master_user_password = true
        storage_encrypted           = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {
        cluster_identifier          = "docs"
        master_username             = "docs"
        manage_master_user_password = true
        storage_encrypted           = true
        deletion_protection         = false  # expect: aws-docdb-deletion-protection
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {
        cluster_identifier          = "docs"
        master_username             = "docs"
        manage_master_user_password = true
        storage_encrypted           = true
        deletion_protection         = true
      }
    EOT
  }
}
