rule "aws-memorydb-open-access" {
  title     = "MemoryDB cluster uses the open-access ACL (no authentication)"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_memorydb_cluster"]

  description = <<-EOT
    Every MemoryDB cluster names an access control list in `acl_name`. The built-in
    `open-access` ACL contains the default user with no password and full permissions, so any
    client that reaches the cluster's port can read, change and delete all data. A custom ACL
    with `aws_memorydb_user` entries requires a password or IAM authentication and limits each
    user's commands and keys. Who may connect to the database is the customer's side of the
    shared responsibility model. High: a database without authentication.
  EOT
  remediation = <<-EOT
    Create an ACL with authenticated users and use it:

        resource "aws_memorydb_acl" "app" {
          name       = "app"
          user_names = [aws_memorydb_user.app.user_name]
        }

        resource "aws_memorydb_cluster" "store" {
          # ...
          acl_name = aws_memorydb_acl.app.name
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#acl_name",
    "https://docs.aws.amazon.com/memorydb/latest/devguide/clusters.acls.html",
  ]

  assert {
    attribute "acl_name" {
      not_equals = "open-access"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_memorydb_cluster" "store" {
        name      = "store"
        acl_name  = "open-access"  # expect: aws-memorydb-open-access
        node_type = "db.t4g.small"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_memorydb_user" "app" {
        user_name     = "app"
        access_string = "on ~app:* +@read +@write"
        authentication_mode {
          type = "iam"
        }
      }
      resource "aws_memorydb_acl" "app" {
        name       = "app"
        user_names = [aws_memorydb_user.app.user_name]
      }
      resource "aws_memorydb_cluster" "store" {
        name      = "store"
        acl_name  = aws_memorydb_acl.app.name
        node_type = "db.t4g.small"
      }
    EOT
  }
}
