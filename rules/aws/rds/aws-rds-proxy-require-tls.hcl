rule "aws-rds-proxy-require-tls" {
  title     = "RDS Proxy accepts client connections without TLS"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_db_proxy"]

  description = <<-EOT
    An RDS Proxy sits between applications and the database and sees every query, result and the
    database credentials the clients present. With `require_tls = false`, the default, clients
    may connect in clear text, so anything able to observe traffic in the VPC reads the data and
    the passwords. With `true` the proxy refuses connections that do not use TLS. Encrypting data
    in transit is the customer's side of the shared responsibility model. Medium: database
    traffic and credentials unencrypted inside the VPC.
  EOT
  remediation = <<-EOT
    Require TLS on the proxy (and connect with TLS from the clients):

        resource "aws_db_proxy" "app" {
          # ...
          require_tls = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_proxy#require_tls",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.howitworks.html#rds-proxy-security.tls",
  ]

  assert {
    attribute "require_tls" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_proxy" "app" {  # expect: aws-rds-proxy-require-tls
        name                   = "app"
        engine_family          = "POSTGRESQL"
        role_arn               = "arn:aws:iam::123456789012:role/rds-proxy"
        vpc_subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        auth {
          auth_scheme = "SECRETS"
          iam_auth    = "REQUIRED"
          secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-db-AbCdEf"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_proxy" "app" {
        name                   = "app"
        engine_family          = "POSTGRESQL"
        role_arn               = "arn:aws:iam::123456789012:role/rds-proxy"
        vpc_subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        require_tls            = true
        auth {
          auth_scheme = "SECRETS"
          iam_auth    = "REQUIRED"
          secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-db-AbCdEf"
        }
      }
    EOT
  }
}
