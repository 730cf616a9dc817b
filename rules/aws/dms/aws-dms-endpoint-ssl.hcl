rule "aws-dms-endpoint-ssl" {
  title     = "DMS database endpoint connects without TLS"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_dms_endpoint"]

  description = <<-EOT
    A DMS endpoint's `ssl_mode` decides whether the replication instance talks to the source or
    target database over TLS. With `none`, the default, the database credentials and every
    replicated row cross the network in clear text, often between an on-premises data centre and
    AWS; `require` encrypts the connection and `verify-ca` or `verify-full` also check the
    server's certificate. The rule applies to relational and document database engines, where
    `ssl_mode` is the TLS switch (S3, DynamoDB, Kinesis, Kafka and OpenSearch endpoints are
    configured differently, and Redshift endpoints always use TLS, so they are not checked).
    Encrypting data in transit is the customer's side of the shared responsibility model.
    Medium: plaintext credentials and data on the path.
  EOT
  remediation = <<-EOT
    Use TLS and verify the server certificate:

        resource "aws_dms_endpoint" "source" {
          # ...
          ssl_mode        = "verify-full"
          certificate_arn = aws_dms_certificate.rds_ca.certificate_arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_endpoint#ssl_mode",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html",
  ]

  when {
    attribute "engine_name" {
      one_of = [
        "aurora", "aurora-postgresql", "aurora-serverless", "aurora-postgresql-serverless",
        "mariadb", "mysql", "postgres", "oracle", "sqlserver", "azuredb", "azure-sql-managed-instance",
        "sybase", "db2", "mongodb", "docdb",
      ]
    }
  }

  assert {
    attribute "ssl_mode" {
      not_equals = "none"
      default    = "none"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dms_endpoint" "source" {  # expect: aws-dms-endpoint-ssl
        endpoint_id   = "orders-source"
        endpoint_type = "source"
        engine_name   = "postgres"
        server_name   = "db.example.internal"
        port          = 5432
        database_name = "orders"
        username      = "dms"
        secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dms-AbCdEf"
        secrets_manager_access_role_arn = "arn:aws:iam::123456789012:role/dms-secrets"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dms_endpoint" "target" {
        endpoint_id   = "orders-target"
        endpoint_type = "target"
        engine_name   = "aurora-postgresql"
        server_name   = "orders.cluster-abc.eu-west-1.rds.amazonaws.com"
        port          = 5432
        database_name = "orders"
        ssl_mode      = "none"  # expect: aws-dms-endpoint-ssl
        secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dms-AbCdEf"
        secrets_manager_access_role_arn = "arn:aws:iam::123456789012:role/dms-secrets"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_dms_endpoint" "source" {
        endpoint_id     = "orders-source"
        endpoint_type   = "source"
        engine_name     = "postgres"
        server_name     = "db.example.internal"
        port            = 5432
        database_name   = "orders"
        ssl_mode        = "verify-full"
        certificate_arn = "arn:aws:dms:eu-west-1:123456789012:cert:ABCDEFGHIJKLMNOP"
        secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dms-AbCdEf"
        secrets_manager_access_role_arn = "arn:aws:iam::123456789012:role/dms-secrets"
      }
      resource "aws_dms_endpoint" "archive" {
        endpoint_id   = "orders-archive"
        endpoint_type = "target"
        engine_name   = "s3"
        s3_settings {
          bucket_name             = "orders-archive"
          service_access_role_arn = "arn:aws:iam::123456789012:role/dms-s3"
        }
      }
    EOT
  }
}
