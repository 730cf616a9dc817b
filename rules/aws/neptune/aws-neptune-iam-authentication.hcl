rule "aws-neptune-iam-authentication" {
  title     = "Neptune cluster does not enable IAM database authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_neptune_cluster"]

  description = <<-EOT
    Neptune has no database users of its own: without IAM database authentication, any client
    that can reach the cluster endpoint on the network can read and change the whole graph. With
    `iam_database_authentication_enabled = true` each request must be signed (SigV4) by an IAM
    identity allowed `neptune-db:*` actions on the cluster, so access is granted, limited and
    revoked in IAM and recorded. The argument defaults to `false`. Who may access the data is the
    customer's side of the shared responsibility model. Severity is medium: the cluster is still
    confined to its VPC and security groups, but inside them there is no authentication.
  EOT
  remediation = <<-EOT
    Require IAM authentication and grant `neptune-db:*` actions to the clients' roles:

    ```hcl
    resource "aws_neptune_cluster" "graph" {
      # ...
      iam_database_authentication_enabled = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#iam_database_authentication_enabled",
    "https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html",
  ]

  assert {
    attribute "iam_database_authentication_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {  # expect: aws-neptune-iam-authentication
        cluster_identifier = "graph"
        engine             = "neptune"
        storage_encrypted  = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {
        cluster_identifier                  = "graph"
        engine                              = "neptune"
        storage_encrypted                   = true
        iam_database_authentication_enabled = false  # expect: aws-neptune-iam-authentication
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {
        cluster_identifier                  = "graph"
        engine                              = "neptune"
        storage_encrypted                   = true
        iam_database_authentication_enabled = true
      }
    EOT
  }
}
