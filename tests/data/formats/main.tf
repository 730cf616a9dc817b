# Fixture for the output format tests: a few insecure resources, one finding per severity,
# a value set through a variable default and a resource inside a module.

variable "admin_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "SSH for admins: \"ops\" & <on-call>, 100% remote"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
}

variable "encrypt_logs" {
  type = bool
}

# Encryption depends on a variable with no value: the check is undecided.
resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypt_logs
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

module "jobs" {
  source = "./modules/queue"
  name   = "jobs"
}
